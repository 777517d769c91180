package id.desaflow.intake.request;

import id.desaflow.intake.catalogue.FieldKind;
import id.desaflow.intake.catalogue.LetterField;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.catalogue.LetterTypes;
import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Catalogue switches that the demo data does not exercise: per-village enabling and counter-only letters. */
class SubmissionRulesTest {
    private static final LetterField NIK_ALMARHUM = new LetterField("nikAlmarhum", "NIK almarhum", "NIK of the "
            + "deceased", true, 16, FieldKind.NIK, null, null, null);
    private static final LetterType KEMATIAN = new LetterType("surat-keterangan-kematian", "SKM",
            "Surat Keterangan Kematian", "Death Certificate", "474.3", "surat-keterangan-kematian", false, List.of(),
            List.of(NIK_ALMARHUM));
    private static final LetterType DOMISILI = new LetterType("surat-keterangan-domisili", "SKD",
            "Surat Keterangan Domisili", "Residence Certificate", "470", "surat-keterangan-domisili", true, List.of(),
            List.of());
    private static final Village BEJI = new Village("3309012004", "Beji", "Andong", "Boyolali", "Jawa Tengah",
            List.of("Bulu"), List.of(KEMATIAN.code()));

    private final SubmissionRules rules;

    SubmissionRulesTest() {
        LetterTypes letterTypes = mock(LetterTypes.class);
        when(letterTypes.find(anyString())).thenReturn(Optional.empty());
        when(letterTypes.find(KEMATIAN.code())).thenReturn(Optional.of(KEMATIAN));
        when(letterTypes.find(DOMISILI.code())).thenReturn(Optional.of(DOMISILI));
        Villages villages = mock(Villages.class);
        when(villages.find(anyString())).thenReturn(Optional.empty());
        when(villages.find(BEJI.code())).thenReturn(Optional.of(BEJI));
        rules = new SubmissionRules(letterTypes, villages);
    }

    @Test
    void aLetterTypeTheVillageDoesNotOfferIsRefused() {
        assertThat(problems(DOMISILI.code(), Channel.ONLINE, Map.of()))
                .containsExactly(new FieldProblem("letterType", "Jenis surat ini belum dilayani oleh Desa Beji"));
    }

    @Test
    void aCounterOnlyLetterIsRefusedOnlineButTakenAtTheCounter() {
        Map<String, String> data = Map.of("nikAlmarhum", "3309011203450002");
        assertThat(problems(KEMATIAN.code(), Channel.ONLINE, data)).containsExactly(
                new FieldProblem("letterType", "Jenis surat ini hanya dapat diajukan di kantor desa"));

        SubmissionRules.ValidSubmission valid = rules.check(submission(KEMATIAN.code(), data), Channel.COUNTER);

        assertThat(valid.data()).containsEntry("nikAlmarhum", "3309011203450002");
    }

    @Test
    void dataFieldsOfOtherKindsAreCheckedToo() {
        assertThat(problems(KEMATIAN.code(), Channel.COUNTER, Map.of("nikAlmarhum", " 3309013203450002 ")))
                .containsExactly(new FieldProblem("data.nikAlmarhum", "Tanggal lahir pada NIK tidak valid"));
    }

    private List<FieldProblem> problems(String letterType, Channel channel, Map<String, String> data) {
        return catchThrowableOfType(InvalidInputException.class,
                () -> rules.check(submission(letterType, data), channel)).problems();
    }

    private static Bodies.Submission submission(String letterType, Map<String, String> data) {
        return new Bodies.Submission(letterType, BEJI.code(), new Bodies.ApplicantInput("3309014508900001",
                "Sri Rahayu", null, null), data);
    }
}
