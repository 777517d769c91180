package id.desaflow.approval.workflow.rules;

import id.desaflow.approval.workflow.WorkflowProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static id.desaflow.approval.workflow.rules.Mutations.SKU;
import static id.desaflow.approval.workflow.rules.Mutations.SKU_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** An upload is untrusted XML: entities are never resolved, expanded or echoed. */
class XmlSafetyTest {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Test
    void externalEntitiesAreRefusedAndNeverRead(@TempDir Path dir) throws IOException {
        String secret = "RAHASIA-" + System.nanoTime();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        for (String target : List.of(file.toUri().toString(), "file:///etc/passwd")) {
            String xml = SKU.replace(DECLARATION, DECLARATION + "<!DOCTYPE bpmn:definitions [<!ENTITY xxe SYSTEM \""
                    + target + "\">]>").replace("name=\"Selesai\"", "name=\"&xxe;\"");
            List<WorkflowProblem> problems = RepositoryWorkflows.validate(xml, SKU_KEY);
            assertThat(problems).extracting(Mutations::key).containsExactly("xml-safe@null");
            assertThat(problems).extracting(WorkflowProblem::message)
                    .noneMatch(m -> m.contains(secret) || m.contains("root:"));
        }
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = SKU.replace(DECLARATION, DECLARATION + "<!DOCTYPE bpmn:definitions [" + entities + "]>")
                .replace("name=\"Selesai\"", "name=\"&lol9;\"");
        List<WorkflowProblem> problems = RepositoryWorkflows.validate(xml, SKU_KEY);
        assertThat(problems).extracting(Mutations::key).containsExactly("xml-safe@null");
        assertThat(problems).extracting(WorkflowProblem::message).noneMatch(m -> m.contains("lollol"));
    }

    @Test
    void emptyHugeAndMalformedFilesAreRefused() {
        assertThat(RepositoryWorkflows.RULES.validate(new byte[0], null)).extracting(Mutations::key)
                .containsExactly("xml-safe@null");
        String huge = SKU.replace("</bpmn:definitions>", "<!--" + "x".repeat(1024 * 1024) + "--></bpmn:definitions>");
        assertThat(RepositoryWorkflows.RULES.validate(huge.getBytes(StandardCharsets.UTF_8), null))
                .extracting(Mutations::key).containsExactly("xml-safe@null");
        assertThat(RepositoryWorkflows.validate("<bpmn:definitions", null)).extracting(Mutations::key)
                .containsExactly("xml-safe@null");
    }

    @Test
    void deeplyNestedFilesAreRefusedBeforeAnyRuleWalksThem() {
        String nested = "<bpmn:extensionElements>" + "<x:a xmlns:x=\"urn:x\">".repeat(5000) + "</x:a>".repeat(5000)
                + "</bpmn:extensionElements>";
        String xml = SKU.replace("<bpmn:startEvent id=\"StartEvent_Verified\" name=\"Permohonan terverifikasi\">",
                "<bpmn:startEvent id=\"StartEvent_Verified\" name=\"Permohonan terverifikasi\">" + nested);
        assertThat(RepositoryWorkflows.validate(xml, SKU_KEY)).extracting(Mutations::key)
                .containsExactly("xml-safe@null");
    }
}
