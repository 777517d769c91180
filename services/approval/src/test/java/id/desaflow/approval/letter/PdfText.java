package id.desaflow.approval.letter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A letter's text as a person reads it, through poppler's pdftotext (CI installs poppler-utils). */
final class PdfText {
    private PdfText() {
    }

    static void assumeInstalled() {
        assumeTrue(new File("/usr/bin/pdftoppm").canExecute() && new File("/usr/bin/pdftotext").canExecute(),
                "poppler-utils (pdftoppm, pdftotext) not installed");
    }

    static String of(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("letter", ".pdf");
        Path out = Path.of(file + ".txt");
        try {
            Files.write(file, pdf);
            run("/usr/bin/pdftotext", "-layout", file.toString(), out.toString());
            // pdftotext -layout keeps the page's spacing; one space between words is what a reader sees
            return Files.readString(out, StandardCharsets.UTF_8).replaceAll("[ \\t]+", " ");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command[0], output).isZero();
    }
}
