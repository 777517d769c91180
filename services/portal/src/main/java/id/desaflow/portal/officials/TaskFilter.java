package id.desaflow.portal.officials;

import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Set;

import static id.desaflow.portal.web.Forms.blankToNull;

/**
 * The inbox's filters as the page's query ({@code lingkup=saya|grup, jenis, dusun, terlambat, baru}) and as the
 * approval API's ({@code scope=mine|group, letterType, dusun, overdue, new}).
 */
record TaskFilter(String scope, String letterType, String dusun, boolean overdue, boolean fresh) {
    private static final Set<String> SCOPES = Set.of("saya", "grup");

    static TaskFilter of(String scope, String letterType, String dusun, String overdue, String fresh) {
        return new TaskFilter(scope != null && SCOPES.contains(scope) ? scope : "grup", blankToNull(letterType),
                blankToNull(dusun), "1".equals(overdue) || "true".equals(overdue),
                "1".equals(fresh) || "true".equals(fresh));
    }

    public boolean mine() {
        return "saya".equals(scope);
    }

    /** The approval API's list address; values go in as URI variables, so any spelling is encoded safely. */
    java.net.URI apiQuery(UriBuilder uri, String group) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        uri.path("/api/v1/tasks").queryParam("scope", mine() ? "mine" : "group").queryParam("group", "{group}");
        values.put("group", group);
        if (letterType != null) {
            uri.queryParam("letterType", "{letterType}");
            values.put("letterType", letterType);
        }
        if (dusun != null) {
            uri.queryParam("dusun", "{dusun}");
            values.put("dusun", dusun);
        }
        if (overdue) {
            uri.queryParam("overdue", true);
        }
        if (fresh) {
            uri.queryParam("new", true);
        }
        return uri.build(values);
    }

    /** This filter's list page, to return to after claiming or deciding. */
    String pagePath() {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/petugas/tugas").queryParam("lingkup", scope);
        if (letterType != null) {
            uri.queryParam("jenis", letterType);
        }
        if (dusun != null) {
            uri.queryParam("dusun", dusun);
        }
        if (overdue) {
            uri.queryParam("terlambat", 1);
        }
        if (fresh) {
            uri.queryParam("baru", 1);
        }
        return uri.encode().build().toUriString();
    }
}
