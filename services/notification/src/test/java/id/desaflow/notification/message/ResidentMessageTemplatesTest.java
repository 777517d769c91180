package id.desaflow.notification.message;

import id.desaflow.notification.template.MessageTemplates;
import id.desaflow.notification.template.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentMessageTemplatesTest {
    static final Map<String, String> VARIABLES = Map.of(
            "name", "Sri Wahyuni",
            "letterType", "Surat Keterangan Usaha",
            "trackingCode", "DF-7K2Q9M",
            "status", "Selesai",
            "link", "http://localhost:8080/lacak/DF-7K2Q9M",
            "reason", "NIK tidak terdaftar di Desa Beji",
            "letterNumber", "500/045/3309012004/VIII/2026");

    private final MessageTemplates templates = new MessageTemplates();

    @ParameterizedTest
    @EnumSource(ResidentUpdate.class)
    void everyResidentEventHasAnIndonesianAndAnEnglishMessageWithTheTrackingCodeAndTheLink(ResidentUpdate update) {
        for (String language : MessageTemplates.LANGUAGES) {
            RenderedMessage message = templates.render(update.eventType().type(), language, VARIABLES);

            assertThat(message.subject()).as(update + " " + language).isNotBlank().doesNotContain("{{")
                    .doesNotContain("\n");
            assertThat(message.body()).as(update + " " + language).doesNotContain("{{").doesNotContain("}}")
                    .contains("Sri Wahyuni", "DF-7K2Q9M", "http://localhost:8080/lacak/DF-7K2Q9M");
        }
    }

    @Test
    void eachMessageSaysWhatItIsAbout() {
        assertThat(render(ResidentUpdate.SUBMITTED, "id").subject())
                .startsWith("Permohonan Anda telah kami terima").contains("DF-7K2Q9M");
        assertThat(render(ResidentUpdate.LETTER_ISSUED, "id").subject()).contains("500/045/3309012004/VIII/2026");
        assertThat(render(ResidentUpdate.LETTER_ISSUED, "id").body())
                .contains("500/045/3309012004/VIII/2026", "siap diambil", "diunduh");
        assertThat(render(ResidentUpdate.LETTER_ISSUED, "en").body()).contains("500/045/3309012004/VIII/2026");
        for (ResidentUpdate withReason : new ResidentUpdate[] {ResidentUpdate.VERIFICATION_FAILED,
                ResidentUpdate.REVISION_REQUESTED, ResidentUpdate.REJECTED, ResidentUpdate.CANCELLED}) {
            for (String language : MessageTemplates.LANGUAGES) {
                assertThat(render(withReason, language).body()).as(withReason + " " + language)
                        .contains("NIK tidak terdaftar di Desa Beji");
            }
        }
        assertThat(render(ResidentUpdate.REVISION_REQUESTED, "id").body()).contains("perbaiki");
    }

    @Test
    void everyTemplateFileBelongsToAResidentEventInAKnownLanguage() throws IOException {
        var expected = Arrays.stream(ResidentUpdate.values())
                .flatMap(u -> MessageTemplates.LANGUAGES.stream().map(l -> u.eventType().type() + "." + l + ".txt"))
                .collect(Collectors.toSet());
        var files = Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:templates/*.txt"))
                .map(r -> Objects.requireNonNull(r.getFilename())).collect(Collectors.toSet());
        assertThat(files).isEqualTo(expected);
    }

    @Test
    void aVariableWithoutAValueIsAnErrorNotAGapInTheMessage() {
        var incomplete = new HashMap<>(VARIABLES);
        incomplete.remove("letterNumber");
        assertThatThrownBy(() -> templates.render(ResidentUpdate.LETTER_ISSUED.eventType().type(), "id", incomplete))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letterNumber");
    }

    @Test
    void valuesAreInsertedLiterally() {
        var tricky = new HashMap<>(VARIABLES);
        tricky.put("name", "Rp$1 \\ {{status}}");
        assertThat(templates.render(ResidentUpdate.SUBMITTED.eventType().type(), "id", tricky).body())
                .contains("Yth. Rp$1 \\ {{status}},");
    }

    private RenderedMessage render(ResidentUpdate update, String language) {
        return templates.render(update.eventType().type(), language, VARIABLES);
    }
}
