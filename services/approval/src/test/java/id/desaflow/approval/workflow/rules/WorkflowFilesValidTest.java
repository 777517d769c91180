package id.desaflow.approval.workflow.rules;

import id.desaflow.approval.workflow.WorkflowProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every workflow (BPMN) and decision table (DMN) the repository ships must pass the same checks an administrator's upload does. */
class WorkflowFilesValidTest {

    static List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(RepositoryWorkflows.FOLDER)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn"))
                    .sorted().toList();
        }
    }

    @Test
    void theRepositoryHasTheChainAndEveryLetterType() throws IOException {
        assertThat(files()).contains("rantai-persetujuan-desa.bpmn", "kasi-surat.dmn", "penandatangan-surat.dmn",
                "kadus-surat.dmn").filteredOn(f -> f.endsWith(".bpmn")).hasSize(RepositoryWorkflows.LETTER_TYPES.size() + 1);
    }

    @ParameterizedTest
    @MethodSource("files")
    void passesEveryRule(String file) {
        String key = file.substring(0, file.lastIndexOf('.'));
        List<WorkflowProblem> problems = RepositoryWorkflows.validate(RepositoryWorkflows.read(file), key);
        assertThat(problems).extracting(p -> p.rule() + "@" + p.elementId()).as("%s: %s", file, problems).isEmpty();
    }
}
