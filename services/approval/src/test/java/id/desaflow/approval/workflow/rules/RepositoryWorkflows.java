package id.desaflow.approval.workflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.approval.workflow.WorkflowProblem;
import id.desaflow.approval.workflow.WorkflowRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The repository's workflows/ folder (tests run with the module as working directory) and a validator over it. */
final class RepositoryWorkflows {
    static final Path FOLDER = Path.of("../../workflows");
    static final Set<String> LETTER_TYPES = letterTypes();
    static final WorkflowRules RULES = new WorkflowRules(LETTER_TYPES::contains);

    private RepositoryWorkflows() {
    }

    static String read(String file) {
        try {
            return Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<WorkflowProblem> validate(String xml, String expectedKey) {
        return RULES.validate(xml.getBytes(StandardCharsets.UTF_8), expectedKey);
    }

    private static Set<String> letterTypes() {
        try {
            JsonNode catalogue = new ObjectMapper().readTree(FOLDER.resolve("catalogue/letter-types.json").toFile());
            Set<String> codes = new HashSet<>();
            catalogue.path("letterTypes").forEach(type -> codes.add(type.path("code").asText()));
            return Set.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
