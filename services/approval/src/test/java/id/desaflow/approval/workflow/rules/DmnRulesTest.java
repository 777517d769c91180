package id.desaflow.approval.workflow.rules;

import org.junit.jupiter.api.Test;

import static id.desaflow.approval.workflow.rules.Mutations.problems;
import static id.desaflow.approval.workflow.rules.Mutations.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** Decision tables decide who examines and who signs: an edited one is checked before it is deployed. */
class DmnRulesTest {
    private static final String KEY = "kasi-surat";
    private static final String KASI = RepositoryWorkflows.read(KEY + ".dmn");

    @Test
    void aShippedTableHasNoProblem() {
        assertThat(problems(KASI, KEY)).isEmpty();
    }

    @Test
    void whatCamundasDmnParserRefusesIsReported() {
        assertThat(problems(replace(KASI, "hitPolicy=\"UNIQUE\"", "hitPolicy=\"SOMETIMES\""), KEY))
                .containsExactly("dmn-parse@null");
    }

    @Test
    void theDecisionBeingEditedIsInTheFile() {
        assertThat(problems(KASI, "penandatangan-surat")).containsExactly("decision-id@null");
    }

    @Test
    void historyTimeToLive() {
        assertThat(problems(replace(KASI, " camunda:historyTimeToLive=\"180\"", ""), KEY))
                .containsExactly("history-time-to-live@kasi-surat");
    }

    @Test
    void feelOnly() {
        assertThat(problems(replace(KASI, "<inputExpression id=\"InputExpression_LetterType\" typeRef=\"string\">",
                "<inputExpression id=\"InputExpression_LetterType\" typeRef=\"string\" expressionLanguage=\"javascript\">"),
                KEY)).containsExactly("no-script@InputExpression_LetterType");
        assertThat(problems(replace(KASI, "<outputEntry id=\"OutputEntry_Pelayanan\"><text>\"kasi-pelayanan\"</text>",
                "<outputEntry id=\"OutputEntry_Pelayanan\"><text>function(x) external {java: {class: \"java.lang.Runtime\", "
                        + "method signature: \"getRuntime()\"}}</text>"), KEY))
                .contains("no-script@OutputEntry_Pelayanan");
    }

    @Test
    void roleOutputsNameKnownRoles() {
        assertThat(problems(replace(KASI, "<text>\"kasi-pelayanan\"</text>", "<text>\"lurah\"</text>"), KEY))
                .containsExactly("candidate-group-role@OutputEntry_Pelayanan");
        assertThat(problems(replace(KASI, "<text>\"kasi-pelayanan\"</text>", "<text>kasiLain</text>"), KEY))
                .containsExactly("candidate-group-role@OutputEntry_Pelayanan");
    }

    @Test
    void entitiesAreRefusedInDecisionTablesToo() {
        String xml = KASI.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" "
                + "encoding=\"UTF-8\"?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace("Kasi pemeriksa surat\" camunda", "&xxe;\" camunda");
        assertThat(problems(xml, KEY)).containsExactly("xml-safe@null");
    }
}
