package id.desaflow.portal.officials;

import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.notifications.Notifications;
import id.desaflow.portal.web.Redirects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Petugas": a village official picks a role group, sees its open tasks and decides (setujui / minta perbaikan /
 * tolak). Minimal until sign-in exists: the role is chosen, not proven.
 */
@Controller
class OfficialsController {
    private final ApprovalTasks tasks;
    private final Notifications notifications;
    private final MessageSource messages;
    private final String villageCode;

    OfficialsController(ApprovalTasks tasks, Notifications notifications, MessageSource messages,
            @Value("${desaflow.portal.village-code}") String villageCode) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.messages = messages;
        this.villageCode = villageCode;
    }

    @GetMapping("/petugas")
    ModelAndView inbox(@RequestParam(name = "peran", required = false) String roleSlug,
            @RequestParam(name = "hasil", required = false) String result) {
        ModelAndView page = page(Role.of(roleSlug), Map.of(), Map.of(), HttpStatus.OK);
        Decision.of(result).ifPresent(d -> page.addObject("done", d.name()));
        return page;
    }

    @PostMapping("/petugas/tugas/{taskId}")
    ModelAndView decide(@PathVariable String taskId, @RequestParam(name = "peran") String roleSlug,
            @RequestParam(name = "decision", required = false) String decisionValue,
            @RequestParam(name = "comment", required = false) String commentValue, Locale locale) {
        Optional<Role> role = Role.of(roleSlug);
        String comment = commentValue == null ? "" : commentValue.strip();
        Optional<Decision> decision = Decision.of(decisionValue);
        if (role.isEmpty() || decision.isEmpty()) {
            return page(role, Map.of(taskId, text("officials.error.decision", locale)), Map.of(taskId, comment),
                    HttpStatus.BAD_REQUEST);
        }
        if (decision.get().needsComment && comment.isEmpty()) {
            return page(role, Map.of(taskId, text("officials.error.commentRequired", locale)),
                    Map.of(taskId, comment), HttpStatus.BAD_REQUEST);
        }
        try {
            tasks.decide(taskId, decision.get(), comment);
        } catch (HttpClientErrorException refused) {
            Problem problem = Problem.of(refused);
            String message = Optional.ofNullable(problem.fieldMessages().get("comment"))
                    .or(() -> Optional.ofNullable(problem.detail()))
                    .orElseGet(() -> text("officials.error.refused", locale));
            ModelAndView page = page(role, Map.of(taskId, message), Map.of(taskId, comment),
                    HttpStatus.valueOf(refused.getStatusCode().value()));
            page.addObject("alert", message);
            return page;
        }
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/petugas")
                .queryParam("peran", role.get().slug).queryParam("hasil", decision.get().name())
                .build().toUriString());
    }

    private ModelAndView page(Optional<Role> role, Map<String, String> errors, Map<String, String> comments,
            HttpStatus status) {
        ModelAndView page = new ModelAndView("petugas");
        page.setStatus(status);
        page.addObject("roles", Role.values());
        page.addObject("role", role.orElse(null));
        page.addObject("tasks", role.map(r -> tasks.forGroup(r.group(villageCode))).orElse(List.of()));
        page.addObject("inApp", role.map(r -> notifications.inApp(r.demoOfficialId())).orElse(List.of()));
        page.addObject("errors", errors);
        page.addObject("comments", comments);
        return page;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
