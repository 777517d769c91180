package id.desaflow.intake.request;

import id.desaflow.intake.TestFiles;
import id.desaflow.intake.access.Channel;
import id.desaflow.intake.catalogue.AttachmentSpec;
import id.desaflow.intake.catalogue.FieldKind;
import id.desaflow.intake.catalogue.LetterField;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.catalogue.VillageLetterTypes;
import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Catalogue switches and document rules on small hand-made letter types (the real catalogue is tested by HTTP). */
class SubmissionRulesTest {
    private static final LetterField NIK_ALMARHUM = new LetterField("nikAlmarhum", "NIK almarhum", null, true,
            FieldKind.NIK, null, null, null, null, null, null, null, null, null);
    private static final AttachmentSpec KK = new AttachmentSpec("kk", "Kartu Keluarga", null, true, null, null, null);
    private static final AttachmentSpec FOTO = new AttachmentSpec("foto-usaha", "Foto usaha", null, false, 1000L,
            List.of("image/png"), null);
    private static final LetterType KEMATIAN = new LetterType("surat-keterangan-kematian", "MTI",
            "Surat Keterangan Kematian", "Death Certificate", "474.3", null, false, List.of(),
            List.of(NIK_ALMARHUM), List.of(KK));
    private static final LetterType DOMISILI = new LetterType("surat-keterangan-domisili", "DOM",
            "Surat Keterangan Domisili", "Residence Certificate", "470", null, true, List.of(), List.of(),
            List.of(KK, FOTO));
    private static final Village BEJI = new Village("3309012004", "Beji", "Andong", "Boyolali", "Jawa Tengah",
            List.of("Bulu"), List.of());
    private static final byte[] PNG = TestFiles.png();

    private final SubmissionRules rules;

    private static Optional<VillageLetterTypes.Offer> offered(LetterType type, boolean enabled) {
        return Optional.of(new VillageLetterTypes.Offer(type, enabled, null, null, 0, null));
    }

    SubmissionRulesTest() {
        Villages villages = mock(Villages.class);
        when(villages.find(anyString())).thenReturn(Optional.empty());
        when(villages.find(BEJI.code())).thenReturn(Optional.of(BEJI));
        VillageLetterTypes offers = mock(VillageLetterTypes.class);
        when(offers.find(any(), any())).thenReturn(Optional.empty());
        when(offers.find(any(), eq(KEMATIAN.code()))).thenReturn(Optional.of(KEMATIAN));
        when(offers.find(any(), eq(DOMISILI.code()))).thenReturn(Optional.of(DOMISILI));
        when(offers.offer(any(), anyString())).thenReturn(Optional.empty());
        when(offers.offer(any(), eq(KEMATIAN.code()))).thenReturn(offered(KEMATIAN, true));
        when(offers.offer(any(), eq(DOMISILI.code()))).thenReturn(offered(DOMISILI, true));
        rules = new SubmissionRules(villages, offers);
    }

    @Test
    void aLetterTypeTheVillageDoesNotOfferIsRefused() {
        VillageLetterTypes none = mock(VillageLetterTypes.class);
        Villages villages = mock(Villages.class);
        when(villages.find(BEJI.code())).thenReturn(Optional.of(BEJI));
        when(none.offer(any(), eq(DOMISILI.code()))).thenReturn(offered(DOMISILI, false));
        SubmissionRules strict = new SubmissionRules(villages, none);

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> strict.check(
                submission(DOMISILI.code(), Map.of(), List.of()), List.of(upload("kk", PNG)), Channel.ONLINE))
                .problems()).containsExactly(new FieldProblem("letterType",
                "Surat Keterangan Domisili belum dilayani oleh Desa Beji"));
    }

    @Test
    void aCounterOnlyLetterIsRefusedOnlineButTakenAtTheCounter() {
        Map<String, String> data = Map.of("nikAlmarhum", "3309011203450002");
        assertThat(problems(KEMATIAN.code(), Channel.ONLINE, data, List.of(upload("kk", PNG)))).containsExactly(
                new FieldProblem("letterType", "Surat Keterangan Kematian hanya dapat diajukan di kantor desa, "
                        + "karena memuat data orang lain"));

        SubmissionRules.ValidSubmission valid = rules.check(submission(KEMATIAN.code(), data, List.of("kk")),
                List.of(), Channel.COUNTER);

        assertThat(valid.data()).containsEntry("nikAlmarhum", "3309011203450002");
        assertThat(valid.attachmentsOnPaper()).containsExactly("kk");
        assertThat(valid.files()).isEmpty();
    }

    @Test
    void documentsAreCheckedByContentKindAndPresence() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes();

        assertThat(problems(DOMISILI.code(), Channel.ONLINE, Map.of(), List.of())).containsExactly(
                new FieldProblem("kk", "Kartu Keluarga wajib diunggah"));
        assertThat(problems(DOMISILI.code(), Channel.ONLINE, Map.of(), List.of(upload("kk", html))))
                .extracting(FieldProblem::field).containsExactly("kk");
        assertThat(problems(DOMISILI.code(), Channel.ONLINE, Map.of(), List.of(upload("kk", PNG),
                upload("foto-usaha", TestFiles.pdf())))).containsExactly(
                new FieldProblem("foto-usaha", "Foto usaha harus berupa berkas PNG"));
        assertThat(problems(DOMISILI.code(), Channel.ONLINE, Map.of(), List.of(upload("kk", PNG),
                upload("kk", PNG)))).containsExactly(new FieldProblem("kk", "Kartu Keluarga hanya boleh satu berkas"));
        assertThat(problems(DOMISILI.code(), Channel.ONLINE, Map.of(), List.of(upload("kk", PNG),
                upload("akta", PNG)))).extracting(FieldProblem::field).containsExactly("akta");
        assertThat(problems(DOMISILI.code(), Channel.ONLINE, Map.of(), List.of(new Upload("kk", "text/html", PNG))))
                .containsExactly(new FieldProblem("kk", "Kartu Keluarga harus berupa berkas JPG, PNG atau PDF"));
    }

    @Test
    void paperDocumentsOnlyAtTheCounterAndOnlyKnownKinds() {
        assertThat(problems(DOMISILI.code(), Channel.ONLINE, Map.of(), List.of("kk"), List.of()))
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("attachmentsOnPaper", "kk");
        assertThat(problems(DOMISILI.code(), Channel.COUNTER, Map.of(), List.of("kk", "akta"), List.of()))
                .extracting(FieldProblem::field).containsExactly("attachmentsOnPaper[1]");
        assertThat(problems(DOMISILI.code(), Channel.COUNTER, Map.of(), List.of("kk"), List.of(upload("kk", PNG))))
                .extracting(FieldProblem::field).containsExactly("attachmentsOnPaper[0]");
    }

    @Test
    void anOversizedFileIsA413NamingItsPart() {
        byte[] big = TestFiles.pngOfSize(1500);

        ProblemException e = catchThrowableOfType(ProblemException.class, () -> rules.check(
                submission(DOMISILI.code(), Map.of(), List.of()), List.of(upload("kk", PNG),
                        upload("foto-usaha", big)), Channel.ONLINE));

        assertThat(e.status().value()).isEqualTo(413);
        assertThat(e.properties().get("errors")).asList().containsExactly(new FieldProblem("foto-usaha",
                "Foto usaha melebihi batas 1000 byte; perkecil foto atau pindai dengan resolusi lebih rendah"));
    }

    @Test
    void dataFieldsOfOtherKindsAreCheckedToo() {
        assertThat(problems(KEMATIAN.code(), Channel.COUNTER, Map.of("nikAlmarhum", " 3309013203450002 "),
                List.of(upload("kk", PNG)))).containsExactly(new FieldProblem("data.nikAlmarhum",
                "NIK almarhum tidak valid: tanggal lahir pada NIK tidak valid"));
    }

    @Test
    void aNikFromAnotherProvinceIsRefusedOnlineOnly() {
        Map<String, String> none = Map.of();
        Bodies.Submission surabaya = new Bodies.Submission(DOMISILI.code(), BEJI.code(),
                new Bodies.ApplicantInput("3578014508900001", "Sri Rahayu", null, null), none, null);

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> rules.check(surabaya,
                List.of(upload("kk", PNG)), Channel.ONLINE)).problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("applicant.nik");
                    assertThat(p.message()).contains("provinsi lain (kode 35)", "kantor desa");
                });
        assertThat(rules.check(surabaya, List.of(upload("kk", PNG)), Channel.COUNTER).applicant().nik())
                .isEqualTo("3578014508900001");
        // another kabupaten of Jawa Tengah: a resident who moved within the province keeps that NIK
        assertThat(rules.check(new Bodies.Submission(DOMISILI.code(), BEJI.code(), new Bodies.ApplicantInput(
                "3374014508900001", "Sri Rahayu", null, null), none, null), List.of(upload("kk", PNG)),
                Channel.ONLINE).applicant().nik()).isEqualTo("3374014508900001");
    }

    private List<FieldProblem> problems(String letterType, Channel channel, Map<String, String> data,
            List<Upload> uploads) {
        return problems(letterType, channel, data, null, uploads);
    }

    private List<FieldProblem> problems(String letterType, Channel channel, Map<String, String> data,
            List<String> paper, List<Upload> uploads) {
        return catchThrowableOfType(InvalidInputException.class,
                () -> rules.check(submission(letterType, data, paper), uploads, channel)).problems();
    }

    private static Bodies.Submission submission(String letterType, Map<String, String> data, List<String> paper) {
        return new Bodies.Submission(letterType, BEJI.code(), new Bodies.ApplicantInput("3309014508900001",
                "Sri Rahayu", null, null), data, paper);
    }

    private static Upload upload(String part, byte[] bytes) {
        return new Upload(part, null, bytes);
    }
}
