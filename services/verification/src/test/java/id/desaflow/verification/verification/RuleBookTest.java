package id.desaflow.verification.verification;

import id.desaflow.verification.registry.PopulationRegistry;
import id.desaflow.verification.registry.Resident;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.desaflow.verification.registry.ResidentStatus.HIDUP;
import static id.desaflow.verification.registry.ResidentStatus.MENINGGAL;
import static id.desaflow.verification.verification.Residents.BEJI;
import static id.desaflow.verification.verification.Residents.SRI_NIK;
import static id.desaflow.verification.verification.Residents.request;
import static id.desaflow.verification.verification.Residents.sri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RuleBookTest {
    private final PopulationRegistry registry = mock(PopulationRegistry.class);
    private final List<VerificationRule> rules = List.of(new RegisteredNikRule(), new AliveRule(), new DomicileRule(),
            new NameMatchRule(), new RegistryCompleteRule());

    private RuleBook book(Map<String, List<String>> config) {
        return new RuleBook(registry, rules, new RuleSettings(config));
    }

    @Test
    void letterTypesUseTheirConfiguredRulesOrTheDefaultList() {
        RuleBook book = book(Map.of("default", List.of("nik-terdaftar", "masih-hidup"),
                "surat-keterangan-usaha", List.of("nik-terdaftar", "nama-sesuai")));

        assertThat(book.rulesFor("surat-keterangan-usaha")).extracting(VerificationRule::code)
                .containsExactly("nik-terdaftar", "nama-sesuai");
        assertThat(book.rulesFor("surat-domisili")).extracting(VerificationRule::code)
                .containsExactly("nik-terdaftar", "masih-hidup");
    }

    @Test
    void anUnknownNikFailsOnlyNikTerdaftar() {
        when(registry.findByNik(SRI_NIK)).thenReturn(Optional.empty());
        Verdict verdict = book(Map.of("default", List.of("nik-terdaftar", "masih-hidup", "domisili-desa",
                "nama-sesuai"))).judge(request("Sri Wahyuni", BEJI));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.checks()).extracting(c -> c.rule()).containsExactly("nik-terdaftar");
    }

    @Test
    void runsEveryConfiguredRuleInOrderAndReportsOnlyTheFailures() {
        when(registry.findByNik(SRI_NIK)).thenReturn(Optional.of(sri(MENINGGAL, BEJI)));
        Verdict verdict = book(Map.of("default", List.of("nik-terdaftar", "masih-hidup", "domisili-desa",
                "nama-sesuai"))).judge(request("Sri Wahyuni", BEJI));

        assertThat(verdict.checks()).extracting(c -> c.rule())
                .containsExactly("nik-terdaftar", "masih-hidup", "domisili-desa", "nama-sesuai");
        assertThat(verdict.failures()).extracting(c -> c.rule()).containsExactly("masih-hidup");
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void theWorstFailedRuleDecidesTheOutcome() {
        Resident noDusun = new Resident(SRI_NIK, "Sri Wahyuni", "3309011504120001", "Boyolali",
                java.time.LocalDate.of(1979, 8, 21), id.desaflow.verification.registry.Sex.P, "Dukuh Beji", "001", "001",
                null, BEJI, HIDUP);
        when(registry.findByNik(SRI_NIK)).thenReturn(Optional.of(noDusun));
        RuleBook book = book(Map.of("default", List.of("nik-terdaftar", "nama-sesuai", "data-lengkap")));

        assertThat(book.judge(request("Sri Wahyuni", BEJI)).outcome()).isEqualTo(Outcome.MANUAL_CHECK);
        assertThat(book.judge(request("Siti", BEJI)).outcome()).as("revision outranks a manual check")
                .isEqualTo(Outcome.NEEDS_REVISION);
        when(registry.findByNik(SRI_NIK)).thenReturn(Optional.of(sri(HIDUP, BEJI)));
        assertThat(book.judge(request("Sri Wahyuni", BEJI)).outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void refusesConfigurationItCannotHonour() {
        assertThatThrownBy(() -> book(Map.of("default", List.of("nik-terdaftar", "nik-valid"))))
                .hasMessageContaining("unknown rule nik-valid");
        assertThatThrownBy(() -> book(Map.of("default", List.of("masih-hidup"))))
                .hasMessageContaining("must contain nik-terdaftar");
        assertThatThrownBy(() -> book(Map.of("surat-keterangan-usaha", List.of("nik-terdaftar"))))
                .hasMessageContaining("default is missing");
    }
}
