package id.desaflow.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The browser tests: the Playwright journeys in {@code infra/e2e} (resident, counter, officials) drive Debian's
 * chromium against the real local stack, started exactly as run.sh starts it. Screenshots at phone width land in
 * {@code infra/e2e/target/screenshots}. Skipped (not failed) only where node or chromium are missing; CI installs
 * both. Page sizes (HTML before images) are written to {@code infra/e2e/target/page-sizes.txt}.
 */
class BrowserJourneyIT {
    static LocalStack stack;
    static Path root;

    @BeforeAll
    static void startStack() throws IOException {
        assumeTrue(onPath("node") && onPath("npm") && Files.isExecutable(Path.of(chromium())),
                "node, npm and chromium are needed for the browser tests");
        root = Path.of(System.getProperty("desaflow.root", "../..")).toAbsolutePath().normalize();
        Path data = root.resolve("infra/launcher/target/browser-test-data");
        LocalStackIT.deleteRecursively(data);
        stack = LocalStack.start(StackConfig.withFreePorts(root, data));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void residentCounterAndOfficialJourneysPassInChromium() throws Exception {
        Path e2e = root.resolve("infra/e2e");
        Files.deleteIfExists(e2e.resolve("target/e2e-output.txt"));
        // npm registry only; playwright-core never downloads a browser
        assertThat(run(e2e, Duration.ofMinutes(5), Map.of(), "npm", "ci", "--no-audit", "--no-fund")).isZero();
        int exit = run(e2e, Duration.ofMinutes(10), Map.of(
                        "BASE_URL", stack.config().portalUrl(),
                        "MAIL_API_URL", stack.config().mailApiUrl(),
                        "CHROMIUM", chromium()),
                "node", "run.mjs");
        assertThat(exit).as("Playwright journeys (output in infra/e2e/target/e2e-output.txt)").isZero();
        // the chain editor itself: list at phone width, diagram, properties panel, lint marks, check (read-only)
        int editor = run(e2e, Duration.ofMinutes(5), Map.of("BASE_URL", stack.config().portalUrl(),
                "CHROMIUM", chromium()), "node", "../../services/portal/src/test/e2e/editor.mjs");
        assertThat(editor).as("editor browser check (output in infra/e2e/target/e2e-output.txt)").isZero();
        // the editor's approval-step tools on the shipped diagrams (their own small server, the built bundle)
        int tools = run(e2e, Duration.ofMinutes(3), Map.of("CHROMIUM", chromium()), "node",
                "../../services/portal/src/test/e2e/step-tools.mjs");
        assertThat(tools).as("step tools browser check (output in infra/e2e/target/e2e-output.txt)").isZero();
    }

    private static int run(Path dir, Duration timeout, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path output = dir.resolve("target/e2e-output.txt");
        Files.createDirectories(output.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    private static String chromium() {
        return System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
