package id.desaflow.verification.rules;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.verification.registry.FamilyRelation;
import id.desaflow.verification.registry.MaritalStatus;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import id.desaflow.verification.registry.Welfare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static id.desaflow.verification.TestResidents.resident;
import static id.desaflow.verification.rules.RuleFixture.TODAY;
import static id.desaflow.verification.rules.RuleFixture.request;
import static id.desaflow.verification.rules.RuleFixture.revision;
import static id.desaflow.verification.rules.RuleFixture.withDocuments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules file as shipped, per letter type and outcome: the worst finding decides (REJECT > REVISE > MANUAL). */
class RuleBookTest {
    private static final String SKU = "surat-keterangan-usaha";
    private final RuleFixture fixture = new RuleFixture();
    private final Resident sri = fixture.add(resident("Sri Wahyuni").female().relation(FamilyRelation.ISTRI)
            .born(LocalDate.of(1979, 8, 21)).build());

    @Test
    void aRegisteredAdultResidentWithHerDocumentsIsVerifiedByEveryCommonRuleAndTheAgeLimit() {
        Verdict verdict = fixture.judge(request(SKU, sri));

        assertThat(verdict.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verdict.checks()).extracting(CheckResult::rule).containsExactly("nik-terdaftar", "masih-hidup",
                "domisili-desa", "domisili-dusun", "data-lengkap", "nama-sesuai", "lampiran-wajib",
                "tidak-ada-permohonan-aktif", "dukcapil-sesuai", "usia-minimal");
        assertThat(verdict.checks()).allMatch(CheckResult::passed);
        assertThat(verdict.decisive()).isEmpty();
    }

    @Test
    void anUnknownNikIsRefusedForThatAloneAndDukcapilIsNotAsked() {
        Resident stranger = resident("Tidak Terdaftar").build();
        Verdict verdict = fixture.judge(request(SKU, stranger));

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict.decisive()).extracting(CheckResult::rule).containsExactly("nik-terdaftar");
        assertThat(verdict.checks()).extracting(CheckResult::rule).doesNotContain("masih-hidup", "dukcapil-sesuai");
        assertThat(fixture.dukcapil.asked).isEmpty();
    }

    @Test
    void refusalOutranksRevisionAndManualCheckAndNamesOnlyWhatRefuses() {
        Resident dead = fixture.add(resident("Wiryo Sumarto").status(ResidentStatus.MENINGGAL).dusun("Krasak").build());
        Verdict verdict = fixture.judge(withDocuments(request(SKU, dead, "Orang Lain", Map.of()), Set.of()));

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict.decisive()).extracting(CheckResult::rule).containsExactly("masih-hidup");
        assertThat(verdict.findings()).filteredOn(f -> !f.passed()).extracting(Finding::rule)
                .containsExactlyInAnyOrder("masih-hidup", "domisili-dusun", "nama-sesuai", "lampiran-wajib");
        assertThat(fixture.dukcapil.asked).as("Dukcapil cannot change a refusal").isEmpty();
    }

    @Test
    void revisionOutranksAManualCheckAndNamesOnlyWhatTheResidentCanFix() {
        Resident noDusun = fixture.add(resident("Tanpa Dusun").dusun("").build());
        Verdict verdict = fixture.judge(request(SKU, noDusun, "Nama Lain", Map.of()));

        assertThat(verdict.outcome()).isEqualTo(Outcome.NEEDS_REVISION);
        assertThat(verdict.decisive()).extracting(CheckResult::rule).containsExactly("nama-sesuai");
        assertThat(fixture.dukcapil.asked).isEmpty();
    }

    @Test
    void inconclusiveRegistryDataAskForAManualCheck() {
        Resident unknownDusun = fixture.add(resident("Dusun Asing").dusun("Krasak").build());
        Verdict verdict = fixture.judge(request(SKU, unknownDusun));

        assertThat(verdict.outcome()).isEqualTo(Outcome.MANUAL_CHECK);
        assertThat(verdict.decisive()).extracting(CheckResult::rule).containsExactly("domisili-dusun");
    }

    @Test
    void dukcapilSayingTheDataDifferAsksForAManualCheck() {
        fixture.dukcapil.answer = new CivilRegistry.Match(true, false, List.of("tanggal lahir"), null);
        Verdict verdict = fixture.judge(request(SKU, sri));

        assertThat(verdict.outcome()).isEqualTo(Outcome.MANUAL_CHECK);
        assertThat(verdict.decisive()).extracting(CheckResult::rule).containsExactly("dukcapil-sesuai");
    }

    @Test
    void whenDukcapilIsDownTheRequestCannotBeJudgedUnlessItIsRefusedOrReturnedAnyway() {
        fixture.dukcapil.down = true;
        assertThatThrownBy(() -> fixture.judge(request(SKU, sri))).isInstanceOf(CivilRegistry.Unavailable.class);

        assertThat(fixture.judge(request(SKU, sri, "Salah Nama", Map.of())).outcome())
                .isEqualTo(Outcome.NEEDS_REVISION);
        Resident dead = fixture.add(resident("Almarhum").status(ResidentStatus.MENINGGAL).build());
        assertThat(fixture.judge(request(SKU, dead)).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void withDukcapilSwitchedOffItsRuleDoesNotRun() {
        fixture.dukcapil.enabled = false;
        fixture.dukcapil.down = true;
        Verdict verdict = fixture.judge(request(SKU, sri));

        assertThat(verdict.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verdict.checks()).extracting(CheckResult::rule).doesNotContain("dukcapil-sesuai");
    }

    @Test
    void aRevisionReRunsWhatItCanChangeAndKeepsTheRegistryFacts() {
        Submission first = withDocuments(request(SKU, sri, "Sri Wahyu", Map.of()), Set.of("ktp"));
        Verdict returned = fixture.judge(first);
        assertThat(returned.outcome()).isEqualTo(Outcome.NEEDS_REVISION);
        assertThat(returned.decisive()).extracting(CheckResult::rule).containsExactly("nama-sesuai", "lampiran-wajib");
        // meanwhile the registry records her death: a revision cannot change that fact, so the earlier result stands
        Resident deceasedNow = copyWithStatus(sri, ResidentStatus.MENINGGAL);
        fixture.residents.put(sri.nik(), deceasedNow);
        fixture.dukcapil.asked.clear();

        Verdict revised = fixture.book.judge(revision(first, 1, "Sri Wahyuni", Set.of("ktp", "pengantar-rt")),
                returned.findings());

        assertThat(revised.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(revised.findings()).filteredOn(Finding::kept).extracting(Finding::rule)
                .containsExactly("nik-terdaftar", "masih-hidup", "domisili-desa", "domisili-dusun", "data-lengkap",
                        "tidak-ada-permohonan-aktif", "usia-minimal");
        assertThat(revised.findings()).filteredOn(f -> !f.kept()).extracting(Finding::rule)
                .containsExactly("nama-sesuai", "lampiran-wajib", "dukcapil-sesuai");
        assertThat(fixture.dukcapil.asked).containsExactly(sri.nik());
    }

    @Test
    void everyOneOfTheFourteenLetterTypesVerifiesAnEntitledResident() {
        Resident head = fixture.add(resident("Kepala").marital(MaritalStatus.BELUM_KAWIN).rtRw("003", "001")
                .build());
        // one family member named in the data fields that must be family (mother, deceased, testator)
        Resident relative = fixture.add(resident("Saudara").female().kk(head.kkNumber())
                .relation(FamilyRelation.FAMILI_LAIN).build());
        Map<String, Map<String, String>> data = Map.of(
                "surat-keterangan-domisili", Map.of("rt", "3", "rw", "1"),
                "surat-keterangan-kelahiran", Map.of("nikIbu", relative.nik()),
                "surat-keterangan-kematian", Map.of("nikAlmarhum", relative.nik()),
                "surat-keterangan-ahli-waris", Map.of("nikPewaris", relative.nik()));

        assertThat(RuleFixture.LETTER_TYPES.codes()).hasSize(14);
        for (String type : RuleFixture.LETTER_TYPES.codes()) {
            Verdict verdict = fixture.judge(request(type, head, head.name(), data.getOrDefault(type, Map.of())));
            assertThat(verdict.outcome()).as(type + ": " + verdict.decisive()).isEqualTo(Outcome.VERIFIED);
            assertThat(verdict.checks().get(0).rule()).isEqualTo("nik-terdaftar");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSpecificCases")
    void typeSpecificRulesDecideAsTheRulesFileSays(String name, String letterType, Resident applicant,
            Map<String, String> data, Outcome expected, String decisiveRule) {
        fixture.add(applicant);
        Verdict verdict = fixture.judge(request(letterType, applicant, applicant.name(), data));

        assertThat(verdict.outcome()).isEqualTo(expected);
        assertThat(verdict.decisive()).extracting(CheckResult::rule).containsExactly(decisiveRule);
    }

    static List<org.junit.jupiter.params.provider.Arguments> typeSpecificCases() {
        Resident child = resident("Anak Sekolah").born(TODAY.minusYears(15)).relation(FamilyRelation.ANAK).build();
        return List.of(
                org.junit.jupiter.params.provider.Arguments.of("SKTM: flagged well-off -> manual check",
                        "surat-keterangan-tidak-mampu", resident("Mampu").welfare(Welfare.MAMPU).build(), Map.of(),
                        Outcome.MANUAL_CHECK, "tidak-tercatat-mampu"),
                org.junit.jupiter.params.provider.Arguments.of("belum menikah: married -> refused",
                        "surat-keterangan-belum-menikah", resident("Sudah Kawin").build(), Map.of(), Outcome.FAILED,
                        "belum-menikah"),
                org.junit.jupiter.params.provider.Arguments.of("belum menikah: unknown -> manual check",
                        "surat-keterangan-belum-menikah", resident("Belum Jelas").marital(null).build(), Map.of(),
                        Outcome.MANUAL_CHECK, "belum-menikah"),
                org.junit.jupiter.params.provider.Arguments.of("pengantar KTP: under 17 -> refused",
                        "surat-pengantar-ktp", child, Map.of(), Outcome.FAILED, "usia-minimal"),
                org.junit.jupiter.params.provider.Arguments.of("pengantar KK: not the head -> manual check",
                        "surat-pengantar-kk", resident("Bukan Kepala").relation(FamilyRelation.ANAK).build(),
                        Map.of(), Outcome.MANUAL_CHECK, "kepala-keluarga"),
                org.junit.jupiter.params.provider.Arguments.of("kematian: deceased unknown -> manual check",
                        "surat-keterangan-kematian", resident("Pelapor").build(),
                        Map.of("nikAlmarhum", "3309011702389998"), Outcome.MANUAL_CHECK, "anggota-kk"),
                org.junit.jupiter.params.provider.Arguments.of("domisili: other RT -> manual check",
                        "surat-keterangan-domisili", resident("Pindah RT").build(), Map.of("rt", "9", "rw", "1"),
                        Outcome.MANUAL_CHECK, "rt-rw-sesuai"));
    }

    @Test
    void anotherOpenRequestOfTheSameTypeIsRefused() {
        fixture.openRequestsOf.add(sri.nik() + "/" + SKU);

        Verdict verdict = fixture.judge(request(SKU, sri));

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict.decisive()).extracting(CheckResult::rule).containsExactly("tidak-ada-permohonan-aktif");
        assertThat(fixture.judge(request("surat-keterangan-domisili", sri, sri.name(), Map.of("rt", "1", "rw", "1")))
                .outcome()).as("another letter type is another matter").isEqualTo(Outcome.VERIFIED);
    }

    private static Resident copyWithStatus(Resident r, ResidentStatus status) {
        return new Resident(r.nik(), r.name(), r.kkNumber(), r.birthPlace(), r.birthDate(), r.sex(), r.address(),
                r.rt(), r.rw(), r.dusun(), r.villageCode(), status)
                .withFamilyData(r.relation(), r.maritalStatus(), r.occupation(), r.welfare());
    }
}
