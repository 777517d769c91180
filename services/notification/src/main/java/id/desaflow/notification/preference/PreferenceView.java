package id.desaflow.notification.preference;

import id.desaflow.notification.delivery.Channel;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Preferences")
record PreferenceView(String recipientKey,
        @Schema(description = "in order of preference; the default is every channel, used where the person gave "
                + "an address") List<Channel> channels,
        @Schema(description = "true: nothing is sent by e-mail, SMS or WhatsApp (the portal inbox still fills)")
        boolean optedOut,
        String language,
        @Schema(description = "officials: one message a day instead of one per task (escalations still at once)")
        boolean digest,
        @Schema(description = "false while the defaults apply") boolean custom,
        Instant updatedAt) {

    static PreferenceView of(Preference p, String defaultLanguage) {
        return new PreferenceView(p.recipientKey(), p.channels(), p.optedOut(),
                p.language() == null ? defaultLanguage : p.language(), p.digest(), p.custom(), p.updatedAt());
    }
}
