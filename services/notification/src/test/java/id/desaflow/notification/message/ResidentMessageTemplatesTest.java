package id.desaflow.notification.message;

import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.template.MessageTemplates;
import id.desaflow.notification.template.RenderedMessage;
import id.desaflow.notification.template.TemplateCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What each resident-facing message says, on every channel, in both languages. */
class ResidentMessageTemplatesTest {
    static final Map<String, String> VARIABLES = Map.of(
            "name", "Sri Wahyuni",
            "letterType", "Surat Keterangan Usaha",
            "trackingCode", "DF-7K2Q9M",
            "status", "Selesai",
            "link", "http://localhost:8080/lacak/DF-7K2Q9M",
            "reason", "NIK tidak terdaftar di Desa Beji",
            "letterNumber", "500/045/3309012004/VIII/2026");

    private final MessageTemplates templates = MessageTemplates.defaultsOnly();

    @ParameterizedTest
    @EnumSource(ResidentUpdate.class)
    void everyResidentEventHasAMessageOnEveryChannelInBothLanguagesWithTheTrackingCodeAndTheLink(
            ResidentUpdate update) {
        assertThat(TemplateCatalogue.isKnown(update.eventType().type())).isTrue();
        for (Channel channel : Channel.values()) {
            for (String language : MessageTemplates.LANGUAGES) {
                RenderedMessage message = templates.render(update.eventType().type(), channel, language, VARIABLES);
                String what = update + " " + channel + " " + language;
                assertThat(message.subject()).as(what).isNotBlank().doesNotContain("{{").doesNotContain("\n");
                assertThat(message.body()).as(what).doesNotContain("{{").doesNotContain("}}")
                        .contains("Sri Wahyuni", "DF-7K2Q9M", "http://localhost:8080/lacak/DF-7K2Q9M");
            }
        }
    }

    @Test
    void eachMessageSaysWhatItIsAbout() {
        assertThat(render(ResidentUpdate.SUBMITTED, Channel.EMAIL, "id").subject())
                .startsWith("Permohonan Anda telah kami terima").contains("DF-7K2Q9M");
        assertThat(render(ResidentUpdate.LETTER_ISSUED, Channel.EMAIL, "id").subject())
                .contains("500/045/3309012004/VIII/2026");
        assertThat(render(ResidentUpdate.LETTER_ISSUED, Channel.EMAIL, "id").body())
                .contains("500/045/3309012004/VIII/2026", "siap diambil", "diunduh");
        assertThat(render(ResidentUpdate.LETTER_ISSUED, Channel.SMS, "en").body())
                .contains("500/045/3309012004/VIII/2026");
        for (ResidentUpdate withReason : new ResidentUpdate[] {ResidentUpdate.VERIFICATION_FAILED,
                ResidentUpdate.RETURNED_FOR_REVISION, ResidentUpdate.REVISION_REQUESTED, ResidentUpdate.REJECTED,
                ResidentUpdate.CANCELLED, ResidentUpdate.LETTER_REVOKED}) {
            for (Channel channel : Channel.values()) {
                for (String language : MessageTemplates.LANGUAGES) {
                    assertThat(render(withReason, channel, language).body()).as(withReason + " " + channel + " "
                            + language).contains("NIK tidak terdaftar di Desa Beji");
                }
            }
        }
        assertThat(render(ResidentUpdate.REVISION_REQUESTED, Channel.EMAIL, "id").body()).contains("perbaiki");
        assertThat(render(ResidentUpdate.RETURNED_FOR_REVISION, Channel.WHATSAPP, "id").body()).contains("perbaiki");
        assertThat(render(ResidentUpdate.VERIFICATION_POSTPONED, Channel.EMAIL, "id").body())
                .contains("tidak ditolak", "otomatis").doesNotContain("NIK tidak terdaftar");
        assertThat(render(ResidentUpdate.LETTER_REVOKED, Channel.EMAIL, "id").body())
                .contains("dicabut", "500/045/3309012004/VIII/2026");
    }

    @Test
    void shortMessagesStayShortEnoughForAFewSmsSegments() {
        for (ResidentUpdate update : ResidentUpdate.values()) {
            for (String language : MessageTemplates.LANGUAGES) {
                assertThat(templates.compose(update.eventType().type(), Channel.SMS, language, VARIABLES,
                        "http://localhost:8080/api/v1/unsubscribe/d2FyZ2EtMQ.abcdefghijklmnopqrstuvwxyz0").body())
                        .as(update + " " + language).hasSizeLessThan(480);
            }
        }
    }

    private RenderedMessage render(ResidentUpdate update, Channel channel, String language) {
        return templates.render(update.eventType().type(), channel, language, VARIABLES);
    }
}
