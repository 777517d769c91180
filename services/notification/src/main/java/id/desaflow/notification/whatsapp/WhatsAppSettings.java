package id.desaflow.notification.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code desaflow.notification.whatsapp.*}: which WhatsApp gateway, if any. Without {@code provider} the WhatsApp
 * channel is off.
 *
 * @param provider         {@code whatsapp-cloud} (Meta's WhatsApp Business Cloud API), or empty for none
 * @param baseUrl          the Graph API, e.g. {@code https://graph.facebook.com}
 * @param apiVersion       Graph API version in the path, e.g. {@code v21.0}
 * @param account          the business phone number id that sends
 * @param apiKey           a system user access token (Bearer)
 * @param receiptSecret    the Meta app secret: webhooks are signed with it (X-Hub-Signature-256); empty = no
 *                         receipts expected, accepted counts as delivered
 * @param verifyToken      the token Meta repeats when subscribing the webhook (GET handshake)
 * @param template         name of an approved utility template with one body parameter; empty = free-form text
 *                         (Meta only delivers that within 24 h of the person's last message to the village)
 * @param templateLanguage the template's language code
 */
@ConfigurationProperties("desaflow.notification.whatsapp")
record WhatsAppSettings(String provider, @DefaultValue("https://graph.facebook.com") String baseUrl,
        @DefaultValue("v21.0") String apiVersion, String account, String apiKey, String receiptSecret,
        String verifyToken, String template, @DefaultValue("id") String templateLanguage,
        @DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {

    static final String WHATSAPP_CLOUD = "whatsapp-cloud";

    WhatsAppSettings {
        if (provider != null && !provider.isBlank() && !WHATSAPP_CLOUD.equals(provider)) {
            throw new IllegalArgumentException("desaflow.notification.whatsapp.provider: unknown WhatsApp provider '"
                    + provider + "' (known: " + WHATSAPP_CLOUD + ", or empty for no WhatsApp)");
        }
        if (WHATSAPP_CLOUD.equals(provider) && (blank(account) || blank(apiKey))) {
            throw new IllegalArgumentException("desaflow.notification.whatsapp.provider=whatsapp-cloud needs "
                    + "desaflow.notification.whatsapp.account (phone number id) and .api-key (access token)");
        }
    }

    boolean receipts() {
        return !blank(receiptSecret);
    }

    boolean usesTemplate() {
        return !blank(template);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
