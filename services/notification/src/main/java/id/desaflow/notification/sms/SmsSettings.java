package id.desaflow.notification.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code desaflow.notification.sms.*}: which SMS gateway, if any. Without {@code provider} the SMS channel is off.
 *
 * @param provider         {@code twilio} (the only adapter), or empty for no SMS
 * @param baseUrl          Twilio's REST API, e.g. {@code https://api.twilio.com}
 * @param account          Twilio Account SID (AC...)
 * @param apiKey           Twilio Auth Token: authenticates our calls and signs Twilio's receipts
 * @param sender           the "From" number or alphanumeric sender id, or
 * @param messagingService a Messaging Service SID (MG...) instead of a sender
 */
@ConfigurationProperties("desaflow.notification.sms")
record SmsSettings(String provider, @DefaultValue("https://api.twilio.com") String baseUrl, String account,
        String apiKey, String sender, String messagingService, @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    static final String TWILIO = "twilio";

    SmsSettings {
        if (provider != null && !provider.isBlank() && !TWILIO.equals(provider)) {
            throw new IllegalArgumentException("desaflow.notification.sms.provider: unknown SMS provider '" + provider
                    + "' (known: " + TWILIO + ", or empty for no SMS)");
        }
        if (TWILIO.equals(provider) && (blank(account) || blank(apiKey) || blank(sender) && blank(messagingService))) {
            throw new IllegalArgumentException("desaflow.notification.sms.provider=twilio needs "
                    + "desaflow.notification.sms.account, .api-key and .sender (or .messaging-service)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
