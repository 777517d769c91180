package id.desaflow.portal.workflows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The editor bundle the Maven build made from npm (src/main/frontend): one script, one stylesheet and the bpmn-font
 * files, served by the portal itself. Villages have poor connections and no CDN may be assumed: nothing in it may
 * fetch a script, stylesheet or font from another site at run time. (Namespace URIs such as
 * http://www.w3.org/2000/svg and documentation links are text, not fetches.)
 */
class EditorBundleTest {
    static final Path EDITOR = Path.of("target/classes/static/editor");
    /** A URL a browser would load as a resource: by its file type, or by a well-known CDN host. */
    static final Pattern FETCHED = Pattern.compile(
            "(?i)(https?:)?//[\\w.-]+(/[^\\s\"'()<>]*)?\\.(m?js|css|woff2?|ttf|eot|otf|png|jpe?g|gif|webp)\\b"
            + "|(?i)https?://[^\\s\"'()<>]*(unpkg|jsdelivr|cdnjs|googleapis|gstatic|cloudflare|fontawesome)");
    static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^)'\"]+)");

    static String script;
    static String css;

    @BeforeAll
    static void read() throws IOException {
        assumeFalse(Boolean.getBoolean("skip.editor"), "built with -Dskip.editor=true");
        script = Files.readString(EDITOR.resolve("alur-editor.js"), StandardCharsets.UTF_8);
        css = Files.readString(EDITOR.resolve("alur-editor.css"), StandardCharsets.UTF_8);
    }

    @Test
    void theBundleIsOneScriptAndOneStylesheetWithTheModelerPanelAndLinter() throws IOException {
        try (Stream<Path> files = Files.list(EDITOR)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names.stream().filter(n -> n.endsWith(".js"))).containsExactly("alur-editor.js");
            assertThat(names.stream().filter(n -> n.endsWith(".css"))).containsExactly("alur-editor.css");
            assertThat(names).anyMatch(n -> n.startsWith("bpmn-") && n.endsWith(".woff2"));
        }
        assertThat(script).contains("http://camunda.org/schema/1.0/bpmn") // camunda-bpmn-moddle
                .contains("bpmnlint") // the lint overlays
                .contains("bio-properties-panel") // the properties panel
                .contains("camunda-compat/"); // the packed camunda-platform-7-24 rules
        assertThat(css).contains("@font-face").contains(".bpmn-icon-task");
        // a script of a few MB would be a sign that something unexpected got bundled (e.g. a source map inlined)
        assertThat(Files.size(EDITOR.resolve("alur-editor.js"))).isLessThan(2_500_000);
    }

    @Test
    void nothingIsFetchedFromAnotherSiteAtRunTime() {
        assertThat(matches(FETCHED, script)).as("resource URLs in the script").isEmpty();
        assertThat(matches(FETCHED, css)).as("resource URLs in the stylesheet").isEmpty();
        assertThat(css).doesNotContain("@import");
        Matcher url = CSS_URL.matcher(css);
        while (url.find()) {
            String target = url.group(1).trim();
            assertThat(target).as("stylesheet url()").matches("(data:|\\./|[\\w-]+\\.).*");
            if (target.startsWith("./")) {
                String file = target.substring(2).replaceAll("[?#].*", "");
                assertThat(EDITOR.resolve(file)).as("bundled file " + file).exists();
            }
        }
    }

    @Test
    void theScriptAndStylesheetHaveGzipTwinsForSlowConnections() throws IOException {
        for (String file : List.of("alur-editor.js", "alur-editor.css")) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(EDITOR.resolve(file + ".gz")))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(file + ".gz")
                        .isEqualTo(file.endsWith(".js") ? script : css);
            }
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(r -> r.group()).distinct().toList();
    }
}
