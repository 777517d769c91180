package id.desaflow.approval.workflow.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"no expression at all", "${decision == 'APPROVE'}", "${decision eq \"REVISE\"}",
            "${execution.getVariable('manualCheck') == true}", "${a && !b || not c and d or empty e}",
            "${(x != null) && y == 3}", "desa:${villageCode}:${kasiRole}", "${deadlines.due('sekdes')}",
            "${deadlines.due(kasiRole)}", "${deadlines.due('kadus', 3)}", "${deadlines.due(kasiRole, 4)}",
            "${deadlines.of('perbaikan')}", "#{execution.processBusinessKey}",
            "${execution.setVariable('rejectionReason', 'Batas waktu {habis}')}",
            "Pemeriksaan ${kasiRole == 'kasi-pemerintahan' ? 'Kasi Pemerintahan' : 'Kasi Pelayanan'}"})
    void allowsValuesComparisonsAndTheKnownCalls(String text) {
        assertThat(ExpressionPolicy.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${x.y}", "${execution.getVariables()}", "${execution.getVariable(x)}",
            "${execution.processBusinessKey.length()}", "${fn:toUpperCase(x)}", "${x[0]}", "${x + 1}",
            "${x > 1}", "${x -> x}", "${x = 1}", "${a; b}", "${''.getClass()}", "${deadlines.due('a').time}",
            "${deadlines.due('a', x)}", "${deadlines.due('a', 3, 4)}", "${deadlines.due('a', '3')}",
            "${execution.setVariable('a', b)}", "${}", "${unterminated", "${'open}", "${{1}}", "${x instanceof y}",
            "${T(java.lang.Runtime)}", "${#x}"})
    void refusesEverythingElse(String text) {
        assertThat(ExpressionPolicy.problem(text)).isPresent();
    }
}
