package id.desaflow.portal.officials;

import id.desaflow.portal.catalogue.LetterCatalogue;
import id.desaflow.portal.catalogue.LetterType;
import id.desaflow.portal.notifications.Notifications;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.Redirects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * "Petugas": the officials' start page (how much work is open, late, new, mine) and the task list with filters,
 * sorted by due date, late work marked in words. Claim ("Ambil") and release ("Lepaskan") from the list; deciding
 * happens on the task's own page ({@link TaskController}).
 */
@Controller
class OfficialsController {
    private static final Logger log = LoggerFactory.getLogger(OfficialsController.class);
    private static final Set<String> RESULTS = Set.of("APPROVE", "REVISE", "REJECT", "diambil", "dilepas", "gagal");

    private final CurrentOfficial officials;
    private final ApprovalTasks tasks;
    private final Notifications notifications;
    private final LetterCatalogue catalogue;
    private final List<String> dusun;

    OfficialsController(CurrentOfficial officials, ApprovalTasks tasks, Notifications notifications,
            LetterCatalogue catalogue, @Value("${desaflow.portal.dusun:}") List<String> dusun) {
        this.officials = officials;
        this.tasks = tasks;
        this.notifications = notifications;
        this.catalogue = catalogue;
        this.dusun = dusun;
    }

    @GetMapping("/petugas")
    ModelAndView start() {
        Official official = officials.require();
        ModelAndView page = new ModelAndView("petugas");
        page.addObject("official", official);
        page.addObject("counts", tasks.counts(official));
        page.addObject("inApp", notifications.inApp(official).stream().limit(5).toList());
        return page;
    }

    @GetMapping("/petugas/tugas")
    ModelAndView list(@RequestParam(name = "lingkup", required = false) String scope,
            @RequestParam(name = "jenis", required = false) String letterType,
            @RequestParam(name = "dusun", required = false) String dusunName,
            @RequestParam(name = "terlambat", required = false) String overdue,
            @RequestParam(name = "baru", required = false) String fresh,
            @RequestParam(name = "hasil", required = false) String result) {
        Official official = officials.require();
        TaskFilter filter = TaskFilter.of(scope, letterType, dusunName, overdue, fresh);
        List<Task> found = tasks.list(official, filter).stream()
                .sorted(Comparator.comparing(Task::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        ModelAndView page = new ModelAndView("petugas-tugas");
        page.addObject("official", official);
        page.addObject("filter", filter);
        page.addObject("tasks", found);
        page.addObject("letterTypes", letterTypes());
        page.addObject("dusunList", dusun);
        page.addObject("back", filter.pagePath());
        if (result != null && RESULTS.contains(result)) {
            page.addObject("result", result);
        }
        return page;
    }

    @PostMapping("/petugas/tugas/{taskId}/ambil")
    ModelAndView claim(@PathVariable String taskId, @RequestParam(name = "kembali", required = false) String back) {
        Official official = officials.require();
        return act(back, () -> tasks.claim(official, taskId), "diambil");
    }

    @PostMapping("/petugas/tugas/{taskId}/lepas")
    ModelAndView unclaim(@PathVariable String taskId, @RequestParam(name = "kembali", required = false) String back) {
        Official official = officials.require();
        return act(back, () -> tasks.unclaim(official, taskId), "dilepas");
    }

    private ModelAndView act(String back, Runnable action, String done) {
        String result = done;
        try {
            action.run();
        } catch (HttpClientErrorException refused) {
            log.info("Task action refused by approval: {}", refused.getStatusCode().value());
            result = "gagal"; // taken by someone else meanwhile, or already decided: the list shows it as it is
        }
        return Redirects.seeOther(UriComponentsBuilder.fromUriString(Redirects.localPath(back, "/petugas/tugas"))
                .replaceQueryParam("hasil", result).build().toUriString());
    }

    /** The filter's letter types; the list still works without them when intake is down. */
    private List<LetterType> letterTypes() {
        try {
            return catalogue.letterTypes();
        } catch (RuntimeException unavailable) {
            log.warn("Letter types for the task filter unavailable: {}", unavailable.toString());
            return List.of();
        }
    }
}
