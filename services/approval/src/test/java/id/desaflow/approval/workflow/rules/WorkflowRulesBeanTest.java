package id.desaflow.approval.workflow.rules;

import id.desaflow.approval.SpringServiceTest;
import id.desaflow.approval.workflow.WorkflowRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static id.desaflow.approval.workflow.rules.Mutations.SKU;
import static id.desaflow.approval.workflow.rules.Mutations.SKU_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The service's validator knows the letter types from the catalogue bean (the shared, cached context). */
class WorkflowRulesBeanTest extends SpringServiceTest {
    @Autowired
    WorkflowRules rules;

    @Test
    void knowsTheCataloguesLetterTypes() {
        assertThat(rules.validate(SKU.getBytes(StandardCharsets.UTF_8), SKU_KEY)).isEmpty();
        assertThat(rules.validate(SKU.replace(SKU_KEY, "surat-rahasia").getBytes(StandardCharsets.UTF_8), null))
                .extracting(Mutations::key).containsExactly("process-id-letter-type@surat-rahasia");
    }
}
