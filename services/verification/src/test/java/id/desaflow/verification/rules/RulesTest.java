package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.verification.registry.FamilyRelation;
import id.desaflow.verification.registry.MaritalStatus;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import id.desaflow.verification.registry.Welfare;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static id.desaflow.verification.TestResidents.resident;
import static id.desaflow.verification.rules.RuleFixture.LETTER_TYPES;
import static id.desaflow.verification.rules.RuleFixture.TODAY;
import static id.desaflow.verification.rules.RuleFixture.VILLAGES;
import static id.desaflow.verification.rules.RuleFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule on its own: passed, failed (the rules file decides what that means) or inconclusive (manual check). */
class RulesTest {
    private static final String SKU = "surat-keterangan-usaha";
    private final Resident sri = resident("Sri Wahyuni").female().born(LocalDate.of(1979, 8, 21)).build();
    private final RuleFixture.FakeDukcapil dukcapil = new RuleFixture.FakeDukcapil();
    private final Map<String, Resident> registry = new java.util.HashMap<>();

    private Check run(VerificationRule rule, Submission submission, Resident resident, ObjectNode params) {
        Facts facts = new Facts(submission, Optional.ofNullable(resident), TODAY,
                nik -> Optional.ofNullable(registry.get(nik)), (nik, type, id) -> false, dukcapil);
        return rule.check(facts, new RuleEntry(rule.code(), Outcome.FAILED, params));
    }

    private Check run(VerificationRule rule, Resident resident) {
        return run(rule, request(SKU, sri), resident, params());
    }

    private static ObjectNode params() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static void passed(Check check) {
        assertThat(check.status()).isEqualTo(Check.Status.PASSED);
        assertThat(check.message()).isNotBlank();
    }

    private static void failed(Check check, String messagePart) {
        assertThat(check.status()).isEqualTo(Check.Status.FAILED);
        assertThat(check.message()).contains(messagePart);
    }

    private static void inconclusive(Check check, String messagePart) {
        assertThat(check.status()).isEqualTo(Check.Status.INCONCLUSIVE);
        assertThat(check.message()).contains(messagePart);
    }

    @Test
    void nikTerdaftarNeedsNoRegistryEntryAndFailsWithoutOne() {
        RegisteredNikRule rule = new RegisteredNikRule();
        assertThat(rule.needsResident()).isFalse();
        passed(run(rule, sri));
        failed(run(rule, null), "NIK tidak ditemukan");
    }

    @Test
    void masihHidupFailsForTheDeceasedAndAsksAnOfficialAboutTheMissing() {
        AliveRule rule = new AliveRule();
        passed(run(rule, sri));
        passed(run(rule, resident("Pindahan").status(ResidentStatus.PINDAH).build()));
        failed(run(rule, resident("Almarhum").status(ResidentStatus.MENINGGAL).build()), "meninggal dunia");
        inconclusive(run(rule, resident("Hilang").status(ResidentStatus.HILANG).build()), "hilang");
    }

    @Test
    void domisiliDesaFailsForAnotherVillageOrAMoveAway() {
        DomicileRule rule = new DomicileRule();
        passed(run(rule, sri));
        failed(run(rule, resident("Tetangga").village("3309012005").build()), "desa tujuan");
        failed(run(rule, resident("Pindahan").status(ResidentStatus.PINDAH).build()), "pindah");
    }

    @Test
    void domisiliDusunIsAManualCheckWhenTheDusunIsMissingOrUnknown() {
        DusunRule rule = new DusunRule(VILLAGES);
        assertThat(run(rule, sri).message()).contains("Dusun Beji");
        passed(run(rule, resident("Kidul").dusun("DUSUN BANDUNG KIDUL").build()));
        inconclusive(run(rule, resident("Tanpa Dusun").dusun(" ").build()), "belum tercatat");
        inconclusive(run(rule, resident("Salah Dusun").dusun("Krasak").build()), "tidak dikenal");
        Resident elsewhere = resident("Lain Desa").village("3309012005").dusun("Krasak").build();
        Submission there = new Submission("r", "TST-ABC123", SKU, "3309012005", 0,
                request(SKU, elsewhere).applicant(), Map.of(), Set.of());
        passed(run(rule, there, elsewhere, params())); // no dusun list for that village: filled in is enough
    }

    @Test
    void dataLengkapNamesWhatTheRegistryLacks() {
        RegistryCompleteRule rule = new RegistryCompleteRule();
        passed(run(rule, sri));
        failed(run(rule, resident("Tanpa KK").kk(null).born(null).build()), "tanggal lahir, nomor KK");
    }

    @Nested
    class NamaSesuai {
        NameMatchRule rule = new NameMatchRule();

        @ParameterizedTest
        @ValueSource(strings = {"Sri Wahyuni", "SRI WAHYUNI", "  sri   wahyuni ", "Sri Wahyuni.", "Sri-Wahyuni",
                "Srí Wahyuní"})
        void passesIgnoringCaseSpacesAccentsAndPunctuation(String written) {
            passed(run(rule, request(SKU, sri, written, Map.of()), sri, params()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Sri Wahyu", "Siti Wahyuni", "Wahyuni"})
        void failsWithAHelpfulMessageThatDoesNotRevealTheRegisteredName(String written) {
            Check check = run(rule, request(SKU, sri, written, Map.of()), sri, params());
            failed(check, "seperti di KTP");
            assertThat(check.message()).doesNotContain("Sri Wahyuni");
            assertThat(rule.readsSubmission()).isTrue();
        }
    }

    @Test
    void usiaMinimalCountsFullYearsOnTheVillagesDate() {
        MinimumAgeRule rule = new MinimumAgeRule();
        ObjectNode seventeen = params().put("minAge", 17);
        passed(run(rule, request(SKU, sri), resident("Pas").born(TODAY.minusYears(17)).build(), seventeen));
        failed(run(rule, request(SKU, sri), resident("Kurang Sehari").born(TODAY.minusYears(17).plusDays(1)).build(),
                seventeen), "17 tahun");
        inconclusive(run(rule, request(SKU, sri), resident("Tanpa Tanggal").born(null).build(), seventeen),
                "Tanggal lahir");
        assertThatThrownBy(() -> rule.validate(new RuleEntry(rule.code(), Outcome.FAILED, params()),
                Optional.empty())).hasMessageContaining("minAge");
    }

    @Test
    void lampiranWajibTakesTheCataloguesRequiredKindsAndNamesTheMissingOnes() {
        RequiredDocumentsRule rule = new RequiredDocumentsRule(LETTER_TYPES, RuleFixture.COVER_LETTERS);
        passed(run(rule, request(SKU, sri), sri, params()));
        Check missing = run(rule, RuleFixture.withDocuments(request(SKU, sri), Set.of("ktp")), sri, params());
        failed(missing, "Surat pengantar RT/RW");
        assertThat(missing.message()).doesNotContain("KTP pemohon");
        // where the ketua RT approves in the chain (Desa Sempu), the cover letter is not a required document
        Submission fromSempu = RuleFixture.withDocuments(request(SKU, sri), Set.of("ktp"));
        passed(run(rule, new Submission(fromSempu.requestId(), fromSempu.trackingCode(), fromSempu.letterType(),
                "3309012005", fromSempu.revision(), fromSempu.applicant(), fromSempu.data(), fromSempu.documents()),
                sri, params()));
        ObjectNode kinds = params();
        kinds.putArray("kinds").add("foto-usaha");
        failed(run(rule, request(SKU, sri), sri, kinds), "Foto tempat usaha");
        assertThatThrownBy(() -> rule.validate(new RuleEntry(rule.code(), Outcome.NEEDS_REVISION, params()
                .set("kinds", JsonNodeFactory.instance.arrayNode().add("akta-tanah"))), LETTER_TYPES.find(SKU)))
                .hasMessageContaining("akta-tanah");
    }

    @Test
    void lampiranWajibFollowsTheVillagesOwnVersionOverTheCatalogueAndTheRulesFile() {
        var beji = id.desaflow.platform.catalogue.VillageLetterTypes.fixed(List.of(new LetterTypeChanged(id.desaflow.verification.TestResidents.BEJI, SKU, 1,
                "Surat Keterangan Usaha Mikro", "Micro Business Certificate", "510", true, List.of(),
                List.of(new LetterTypeChanged.Document("ktp", "KTP pemohon", true),
                        new LetterTypeChanged.Document("pengantar-rt", "Surat pengantar RT/RW", false),
                        new LetterTypeChanged.Document("izin-usaha", "Nomor Induk Berusaha (NIB)", true)),
                "SURAT KETERANGAN USAHA MIKRO", "Usaha.", "admin.beji", java.time.Instant.now())));
        RequiredDocumentsRule rule = new RequiredDocumentsRule(RuleFixture.letterTypes(beji),
                RuleFixture.COVER_LETTERS);

        Check withoutPermit = run(rule, RuleFixture.withDocuments(request(SKU, sri), Set.of("ktp", "pengantar-rt")),
                sri, params());
        failed(withoutPermit, "Nomor Induk Berusaha (NIB)");
        assertThat(withoutPermit.message()).doesNotContain("pengantar");
        Submission permitNoCoverLetter = RuleFixture.withDocuments(request(SKU, sri), Set.of("ktp", "izin-usaha"));
        passed(run(rule, permitNoCoverLetter, sri, params()));
        // the village chose its documents: the rules file's kinds for every village do not override that
        ObjectNode kinds = params();
        kinds.putArray("kinds").add("foto-usaha");
        passed(run(rule, permitNoCoverLetter, sri, kinds));
    }

    @Test
    void tidakAdaPermohonanAktifAsksTheOpenRequestViewWithoutNamingTheOtherRequest() {
        NoOpenRequestRule rule = new NoOpenRequestRule(LETTER_TYPES);
        Submission submission = request(SKU, sri);
        Facts busy = new Facts(submission, Optional.of(sri), TODAY, nik -> Optional.empty(),
                (nik, type, id) -> nik.equals(sri.nik()) && type.equals(SKU) && !id.equals("other"), dukcapil);
        Check check = rule.check(busy, new RuleEntry(rule.code(), Outcome.FAILED, params()));
        failed(check, "Surat Keterangan Usaha lain");
        passed(run(rule, sri));
    }

    @Test
    void kepalaKeluarga() {
        HeadOfFamilyRule rule = new HeadOfFamilyRule();
        passed(run(rule, sri));
        failed(run(rule, resident("Anak").relation(FamilyRelation.ANAK).build()), "tidak tercatat sebagai kepala");
        inconclusive(run(rule, resident("Tanpa SHDK").relation(null).build()), "belum tercatat");
    }

    @Test
    void anggotaKkComparesTheKartuKeluargaOfThePersonNamedInTheField() {
        FamilyMemberRule rule = new FamilyMemberRule(LETTER_TYPES);
        String kematian = "surat-keterangan-kematian";
        Resident widow = resident("Painem").female().relation(FamilyRelation.ISTRI).build();
        Resident husband = registryHas(resident("Wiryo").kk(widow.kkNumber()).status(ResidentStatus.MENINGGAL)
                .build());
        Resident stranger = registryHas(resident("Orang Lain").build());
        ObjectNode field = params().put("field", "nikAlmarhum");

        passed(run(rule, request(kematian, widow, widow.name(), Map.of("nikAlmarhum", husband.nik())), widow,
                field));
        Check other = run(rule, request(kematian, widow, widow.name(), Map.of("nikAlmarhum", stranger.nik())), widow,
                field);
        failed(other, "tidak satu Kartu Keluarga");
        assertThat(other.message()).doesNotContain("Orang Lain");
        inconclusive(run(rule, request(kematian, widow, widow.name(), Map.of("nikAlmarhum", "3309011702389999")),
                widow, field), "tidak ditemukan");
        inconclusive(run(rule, request(kematian, widow, widow.name(), Map.of()), widow, field), "NIK yang sah");
        failed(run(rule, request(kematian, widow, widow.name(), Map.of("nikAlmarhum", widow.nik())), widow, field),
                "NIK pemohon sendiri");
        assertThatThrownBy(() -> rule.validate(new RuleEntry(rule.code(), Outcome.MANUAL_CHECK,
                params().put("field", "nikAyahAlmarhum")), LETTER_TYPES.find(kematian)))
                .hasMessageContaining("nikAyahAlmarhum");
    }

    @Test
    void tidakTercatatMampuFailsOnlyForAFamilyFlaggedWellOff() {
        NotWellOffRule rule = new NotWellOffRule();
        failed(run(rule, resident("Kaya").welfare(Welfare.MAMPU).build()), "tercatat mampu");
        passed(run(rule, resident("Menengah").welfare(Welfare.MENENGAH).build()));
        passed(run(rule, resident("DTKS").welfare(Welfare.TIDAK_MAMPU).build()));
        passed(run(rule, resident("Tidak Diketahui").welfare(null).build()));
    }

    @Test
    void belumMenikahAcceptsOnlyNeverMarried() {
        UnmarriedRule rule = new UnmarriedRule();
        passed(run(rule, resident("Lajang").marital(MaritalStatus.BELUM_KAWIN).build()));
        failed(run(rule, resident("Menikah").marital(MaritalStatus.KAWIN).build()), "tidak berstatus belum kawin");
        failed(run(rule, resident("Cerai").marital(MaritalStatus.CERAI_HIDUP).build()), "tidak berstatus");
        inconclusive(run(rule, resident("Tidak Diketahui").marital(null).build()), "belum tercatat");
    }

    @Test
    void rtRwSesuaiComparesNumbersWithoutRevealingTheRegisteredOnes() {
        RtRwRule rule = new RtRwRule();
        ObjectNode fields = params().put("rtField", "rt").put("rwField", "rw");
        Resident joko = resident("Joko").rtRw("007", "002").build();
        String domisili = "surat-keterangan-domisili";
        passed(run(rule, request(domisili, joko, joko.name(), Map.of("rt", "7", "rw", "02")), joko, fields));
        Check moved = run(rule, request(domisili, joko, joko.name(), Map.of("rt", "3", "rw", "2")), joko, fields);
        failed(moved, "RT 003/RW 002 yang diisi");
        assertThat(moved.message()).doesNotContain("007");
        inconclusive(run(rule, request(domisili, joko, joko.name(), Map.of("rt", "tiga", "rw", "2")), joko, fields),
                "tidak dapat dibandingkan");
    }

    @Test
    void dukcapilSesuaiTurnsTheAnswerIntoAFindingAndLetsAnOutageThrough() {
        DukcapilRule rule = new DukcapilRule();
        assertThat(rule.remote()).isTrue();
        passed(run(rule, sri));
        dukcapil.answer = new CivilRegistry.Match(true, false, List.of("nama"), null);
        failed(run(rule, sri), "berbeda dengan data Dukcapil (nama)");
        dukcapil.answer = new CivilRegistry.Match(false, false, List.of(), null);
        inconclusive(run(rule, sri), "tidak ditemukan pada data Dukcapil");
        dukcapil.answer = new CivilRegistry.Match(false, false, List.of(), "HTTP 400");
        inconclusive(run(rule, sri), "HTTP 400");
        dukcapil.down = true;
        assertThatThrownBy(() -> run(rule, sri)).isInstanceOf(CivilRegistry.Unavailable.class);
    }

    private Resident registryHas(Resident resident) {
        registry.put(resident.nik(), resident);
        return resident;
    }
}
