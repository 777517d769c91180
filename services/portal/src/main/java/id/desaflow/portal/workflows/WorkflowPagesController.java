package id.desaflow.portal.workflows;

import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.Redirects;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The approval chains for administrators (issue 8): every chain with its versions (/admin/alur), the editor with
 * "which version is active" (/admin/alur/{key}), moving running requests to another version (/admin/alur/{key}/pindah)
 * and the report of such a move. The editor's own XML calls are in {@link EditorRelayController}.
 */
@Controller
class WorkflowPagesController {
    /** Seconds between two looks at a running migration (the report page reloads itself, no script). */
    static final int REPORT_REFRESH_SECONDS = 3;

    private final Workflows workflows;
    private final Administrators administrators;

    WorkflowPagesController(Workflows workflows, Administrators administrators) {
        this.workflows = workflows;
        this.administrators = administrators;
    }

    @GetMapping("/admin/alur")
    ModelAndView list() {
        Official admin = administrators.require();
        ModelAndView page = page("admin-alur", admin);
        page.addObject("workflows", workflows.all(admin));
        page.addObject("village", admin.villageCode());
        return page;
    }

    @GetMapping("/admin/alur/{key}")
    ModelAndView editor(@PathVariable String key, @RequestParam(name = "versi", required = false) Integer version,
            @RequestParam(name = "hasil", required = false) String result) {
        Official admin = administrators.require();
        Workflows.Workflow workflow = workflows.one(admin, key);
        Integer active = workflow.current().forVillage(admin.villageCode());
        // the version asked for, else the one this village's new requests start, else the newest
        Integer opened = version != null && workflow.has(version) ? version : active != null ? active
                : workflow.versions().stream().map(Workflows.Version::version).max(Integer::compare).orElse(null);
        ModelAndView page = page("admin-alur-editor", admin);
        page.addObject("workflow", workflow);
        page.addObject("opened", opened);
        page.addObject("active", active);
        page.addObject("village", admin.villageCode());
        page.addObject("forAll", Administrators.forAllVillages(admin));
        page.addObject("madeActive", "aktif".equals(result));
        return page;
    }

    /** "Jadikan versi aktif": new requests of the village (or of every village) start this version. */
    @PostMapping("/admin/alur/{key}/aktif")
    ModelAndView makeActive(@PathVariable String key, @RequestParam("versi") int version,
            @RequestParam(name = "cakupan", defaultValue = "desa") String scope) {
        Official admin = administrators.require();
        workflows.makeCurrent(admin, key, version, Administrators.village(admin, scope));
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/admin/alur/{key}").queryParam("hasil", "aktif")
                .encode().buildAndExpand(key).toUriString());
    }

    /**
     * Choosing what to move: from/to versions, then the service's dry run (how many requests, which steps map by
     * themselves, which need the administrator's choice), again with the chosen mappings until nothing is left.
     */
    @GetMapping("/admin/alur/{key}/pindah")
    ModelAndView migration(@PathVariable String key, @RequestParam(name = "dari", required = false) Integer from,
            @RequestParam(name = "ke", required = false) Integer to,
            @RequestParam(name = "cakupan", defaultValue = "desa") String scope,
            @RequestParam(name = "peta", required = false) List<String> chosen) {
        Official admin = administrators.require();
        Workflows.Workflow workflow = workflows.one(admin, key);
        ModelAndView page = page("admin-alur-pindah", admin);
        page.addObject("workflow", workflow);
        page.addObject("forAll", Administrators.forAllVillages(admin));
        page.addObject("scope", Administrators.village(admin, scope) == null ? "semua" : "desa");
        page.addObject("from", from);
        page.addObject("to", to);
        List<Workflows.Mapping> mappings = mappings(chosen);
        page.addObject("chosen", mappings.stream().map(m -> m.from() + "|" + m.to()).toList());
        page.addObject("kept", List.of());
        if (from != null && to != null && workflow.has(from) && workflow.has(to)) {
            if (from.equals(to)) {
                page.addObject("sameVersion", true);
                return page;
            }
            try {
                Workflows.DryRun plan = workflows.dryRun(admin, key, from, to, Administrators.village(admin, scope),
                        mappings);
                page.addObject("plan", plan);
                List<String> open = plan.unmapped().stream().map(Workflows.Step::id).toList();
                page.addObject("kept", mappings.stream().filter(m -> !open.contains(m.from()))
                        .map(m -> m.from() + "|" + m.to()).toList());
                if (!open.isEmpty()) { // only steps left to map need the target version's steps to choose from
                    page.addObject("targets", TargetSteps.of(workflows.bpmn(admin, key, to)));
                }
            } catch (HttpClientErrorException.BadRequest | HttpClientErrorException.UnprocessableEntity refused) {
                page.addObject("refusal", Problem.of(refused));
            }
        }
        return page;
    }

    @PostMapping("/admin/alur/{key}/pindah")
    ModelAndView migrate(@PathVariable String key, @RequestParam("dari") int from, @RequestParam("ke") int to,
            @RequestParam(name = "cakupan", defaultValue = "desa") String scope,
            @RequestParam(name = "peta", required = false) List<String> chosen) {
        Official admin = administrators.require();
        String migrationId;
        try {
            migrationId = workflows.migrate(admin, key, from, to, Administrators.village(admin, scope),
                    mappings(chosen));
        } catch (HttpClientErrorException.BadRequest | HttpClientErrorException.UnprocessableEntity refused) {
            // nothing moved (the plan is no longer valid, e.g. requests moved on meanwhile): the fresh plan, and why
            ModelAndView page = migration(key, from, to, scope, chosen);
            page.addObject("refusal", Problem.of(refused));
            return page;
        }
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/admin/alur/{key}/pindah/{id}").encode()
                .buildAndExpand(key, migrationId).toUriString());
    }

    @GetMapping("/admin/alur/{key}/pindah/{migrationId}")
    ModelAndView report(@PathVariable String key, @PathVariable String migrationId, HttpServletResponse response) {
        Official admin = administrators.require();
        Workflows.MigrationReport report = workflows.report(admin, migrationId);
        if (report.running()) {
            response.setHeader("Refresh", String.valueOf(REPORT_REFRESH_SECONDS)); // what a meta refresh does
        }
        ModelAndView page = page("admin-alur-laporan", admin);
        page.addObject("key", key);
        page.addObject("report", report);
        page.addObject("refreshSeconds", REPORT_REFRESH_SECONDS);
        return page;
    }

    /** One of these pages, with the acting administrator for the bar at its top. */
    private static ModelAndView page(String view, Official admin) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("official", admin);
        return page;
    }

    /** Each chosen mapping arrives as "fromId|toId" (BPMN ids cannot contain '|'); an empty choice is none. */
    private static List<Workflows.Mapping> mappings(List<String> chosen) {
        List<Workflows.Mapping> mappings = new ArrayList<>();
        for (String pair : Objects.requireNonNullElse(chosen, List.<String>of())) {
            int bar = pair.indexOf('|');
            if (bar > 0 && bar < pair.length() - 1) {
                mappings.add(new Workflows.Mapping(pair.substring(0, bar), pair.substring(bar + 1)));
            }
        }
        return mappings;
    }
}
