package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static id.desaflow.verification.registry.ResidentStatus.HIDUP;
import static id.desaflow.verification.registry.ResidentStatus.MENINGGAL;
import static id.desaflow.verification.registry.ResidentStatus.PINDAH;
import static id.desaflow.verification.verification.Residents.BEJI;
import static id.desaflow.verification.verification.Residents.facts;
import static id.desaflow.verification.verification.Residents.request;
import static id.desaflow.verification.verification.Residents.sri;
import static org.assertj.core.api.Assertions.assertThat;

class RulesTest {

    private static void assertPassed(CheckResult result, String rule) {
        assertThat(result.rule()).isEqualTo(rule);
        assertThat(result.passed()).isTrue();
        assertThat(result.message()).isNotBlank();
    }

    private static void assertFailed(CheckResult result, String rule, String messagePart) {
        assertThat(result.rule()).isEqualTo(rule);
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains(messagePart);
    }

    @Nested
    class NikTerdaftar {
        RegisteredNikRule rule = new RegisteredNikRule();

        @Test
        void passesWhenTheNikIsRegistered() {
            assertPassed(rule.check(facts(sri(HIDUP, BEJI))), "nik-terdaftar");
        }

        @Test
        void failsWhenTheNikIsUnknownAndRunsWithoutARegistryEntry() {
            assertThat(rule.needsResident()).isFalse();
            assertFailed(rule.check(facts(null)), "nik-terdaftar", "NIK tidak ditemukan");
        }
    }

    @Nested
    class MasihHidup {
        AliveRule rule = new AliveRule();

        @Test
        void passesForALivingResident() {
            assertPassed(rule.check(facts(sri(HIDUP, BEJI))), "masih-hidup");
            assertPassed(rule.check(facts(sri(PINDAH, BEJI))), "masih-hidup");
        }

        @Test
        void failsForADeceasedResident() {
            assertFailed(rule.check(facts(sri(MENINGGAL, BEJI))), "masih-hidup", "meninggal dunia");
        }
    }

    @Nested
    class DomisiliDesa {
        DomicileRule rule = new DomicileRule();

        @Test
        void passesForAResidentOfTheRequestedVillageAndNamesTheDusun() {
            CheckResult result = rule.check(facts(sri(HIDUP, BEJI)));
            assertPassed(result, "domisili-desa");
            assertThat(result.message()).contains("Dusun Beji");
        }

        @Test
        void failsForAResidentOfAnotherVillage() {
            assertFailed(rule.check(facts(sri(HIDUP, "3309012005"))), "domisili-desa", "desa tujuan");
        }

        @Test
        void failsForAResidentWhoMovedAway() {
            assertFailed(rule.check(facts(sri(PINDAH, BEJI))), "domisili-desa", "pindah");
        }
    }

    @Nested
    class NamaSesuai {
        NameMatchRule rule = new NameMatchRule();

        @ParameterizedTest
        @ValueSource(strings = {"Sri Wahyuni", "SRI WAHYUNI", "  sri   wahyuni ", "Sri Wahyuni.", "Sri-Wahyuni",
                "Srí Wahyuní"})
        void passesIgnoringCaseSpacesAndPunctuation(String written) {
            assertPassed(rule.check(new Facts(request(written, BEJI), Optional.of(sri(HIDUP, BEJI)))),
                    "nama-sesuai");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Sri Wahyu", "Siti Wahyuni", "Wahyuni"})
        void failsWithAHelpfulMessageThatDoesNotRevealTheRegisteredName(String written) {
            CheckResult result = rule.check(new Facts(request(written, BEJI), Optional.of(sri(HIDUP, BEJI))));
            assertFailed(result, "nama-sesuai", "seperti di KTP");
            assertThat(result.message()).doesNotContain("Sri Wahyuni");
        }
    }
}
