package id.desaflow.notification.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.ChannelGateway;
import id.desaflow.notification.delivery.DeliveryOutcome;
import id.desaflow.notification.delivery.OutgoingMessage;
import id.desaflow.notification.delivery.PhoneNumbers;
import id.desaflow.notification.delivery.ProviderGuard;
import id.desaflow.notification.delivery.ProviderHttp;
import id.desaflow.notification.delivery.ProviderReceipts;
import id.desaflow.notification.delivery.Receipt;
import id.desaflow.notification.delivery.ReceiptRejectedException;
import id.desaflow.notification.delivery.ReceiptRequest;
import id.desaflow.notification.delivery.ReceiptStatus;
import id.desaflow.notification.delivery.Signatures;
import id.desaflow.notification.delivery.TransientProviderException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WhatsApp through Meta's WhatsApp Business Cloud API (see the README for the shapes):
 * {@code POST /{version}/{phone-number-id}/messages} with a Bearer token and a JSON text (or template) message
 * answers 200 with {@code messages[0].id} (a wamid); errors carry Meta's {@code error.code}. Status webhooks
 * ({@code sent}, {@code delivered}, {@code read}, {@code failed}) arrive as JSON signed with X-Hub-Signature-256
 * (HMAC-SHA256 of the raw body with the app secret) and echo {@code biz_opaque_callback_data}, which we set to the
 * notification id.
 * <p>
 * In doubt after a crash mid-send: the Cloud API has no look-up of sent messages, so the gateway keeps the default
 * ({@link id.desaflow.notification.delivery.InDoubt.Unknown}: send again). The status webhook names the
 * notification by id and normally settles it within seconds, long before the claim's lease ends, so reaching
 * that point means Meta most likely never took the message; a rare duplicate is preferred to a lost message.
 */
@Component
@ConditionalOnProperty(prefix = "desaflow.notification.whatsapp", name = "provider",
        havingValue = WhatsAppSettings.WHATSAPP_CLOUD)
class WhatsAppCloudGateway implements ChannelGateway, ProviderReceipts {
    static final String PROVIDER = WhatsAppSettings.WHATSAPP_CLOUD;
    /** Meta's codes for throttling and passing trouble on its side. */
    private static final Set<Integer> MAY_PASS = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131049,
            131056);
    /** Meta's codes that are about the recipient: not on WhatsApp, outside the service window, not allowed. */
    private static final Set<Integer> RECIPIENT_REFUSED = Set.of(131026, 131047, 131021, 131030, 131050);
    /** Meta's limit for a text message body. */
    private static final int MAX_TEXT = 4096;

    private final WhatsAppSettings settings;
    private final RestClient http;
    private final ProviderGuard guard;
    private final ObjectMapper json;

    WhatsAppCloudGateway(WhatsAppSettings settings, CircuitBreakerRegistry breakers, RateLimiterRegistry limiters,
            ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.http = ProviderHttp.client(settings.baseUrl(), settings.connectTimeout(), settings.readTimeout());
        this.guard = new ProviderGuard(PROVIDER, breakers, limiters, clock);
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public boolean isAvailable() {
        return guard.isAvailable();
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        Optional<String> to = PhoneNumbers.e164(message.address());
        if (to.isEmpty()) {
            return new DeliveryOutcome.PermanentFailure("Nomor telepon tidak valid untuk WhatsApp");
        }
        ObjectNode body = json.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to.get().substring(1));
        String text = message.body().strip();
        if (settings.usesTemplate()) {
            body.put("type", "template");
            ObjectNode template = body.putObject("template");
            template.put("name", settings.template());
            template.putObject("language").put("code", settings.templateLanguage());
            ObjectNode component = template.putArray("components").addObject();
            component.put("type", "body");
            component.putArray("parameters").addObject().put("type", "text").put("text", oneLine(text));
        } else {
            body.put("type", "text");
            body.putObject("text").put("preview_url", false).put("body",
                    text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT));
        }
        body.put("biz_opaque_callback_data", message.notificationId());
        return guard.call(() -> post(body));
    }

    private DeliveryOutcome post(ObjectNode body) {
        try {
            return http.post().uri("/{version}/{phoneNumberId}/messages", settings.apiVersion(), settings.account())
                    .headers(h -> h.setBearerAuth(settings.apiKey()))
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsBytes(body))
                    .exchange((request, response) -> answer(response.getStatusCode(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (RestClientException | IOException e) {
            throw new TransientProviderException("WhatsApp Cloud API tidak terjangkau: " + e.getMessage(), e);
        }
    }

    /** Maps Meta's answer to a delivery outcome; throws for what says Meta is unwell (the breaker counts it). */
    private DeliveryOutcome answer(HttpStatusCode status, String body) {
        JsonNode answer = tree(body);
        if (status.is2xxSuccessful()) {
            String id = answer.path("messages").path(0).path("id").asText(null);
            return id == null ? new DeliveryOutcome.TechnicalFailure("Jawaban WhatsApp tanpa id pesan: "
                    + ProviderHttp.excerpt(body)) : new DeliveryOutcome.Accepted(id, settings.receipts());
        }
        JsonNode error = answer.path("error");
        int code = error.path("code").asInt(-1);
        String reason = "WhatsApp HTTP " + status.value() + " kode " + code + ": " + error.path("message").asText(
                ProviderHttp.excerpt(body));
        if (status.value() == 429 || status.is5xxServerError() || MAY_PASS.contains(code)) {
            throw new TransientProviderException(reason);
        }
        if (status.is4xxClientError()) {
            return RECIPIENT_REFUSED.contains(code) ? new DeliveryOutcome.PermanentFailure(reason)
                    : new DeliveryOutcome.TechnicalFailure(reason);
        }
        return new DeliveryOutcome.TechnicalFailure("Jawaban WhatsApp tak terduga HTTP " + status.value() + ": "
                + ProviderHttp.excerpt(body));
    }

    @Override
    public List<Receipt> read(ReceiptRequest request) {
        if (!settings.receipts()) {
            throw new ReceiptRejectedException("Laporan WhatsApp tidak diaktifkan (receipt-secret kosong).");
        }
        String expected = "sha256=" + HexFormat.of().formatHex(Signatures.hmac("HmacSHA256",
                settings.receiptSecret(), request.body()));
        if (!Signatures.matches(expected, request.headers().getFirst("X-Hub-Signature-256"))) {
            throw new ReceiptRejectedException("Tanda tangan X-Hub-Signature-256 tidak cocok.");
        }
        List<Receipt> receipts = new ArrayList<>();
        for (JsonNode entry : tree(new String(request.body(), StandardCharsets.UTF_8)).path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    receipt(status).ifPresent(receipts::add);
                }
            }
        }
        return receipts;
    }

    private Optional<Receipt> receipt(JsonNode status) {
        String state = status.path("status").asText();
        JsonNode error = status.path("errors").path(0);
        int code = error.path("code").asInt(-1);
        ReceiptStatus receipt = switch (state) {
            case "sent" -> ReceiptStatus.SENT;
            case "delivered", "read" -> ReceiptStatus.DELIVERED;
            case "failed" -> MAY_PASS.contains(code) ? ReceiptStatus.TEMPORARY_FAILURE
                    : ReceiptStatus.PERMANENT_FAILURE;
            default -> null;
        };
        if (receipt == null) {
            return Optional.empty();
        }
        String reason = "WhatsApp: " + state + (code < 0 ? "" : " kode " + code + " " + error.path("title").asText());
        return Optional.of(new Receipt(status.path("biz_opaque_callback_data").asText(null),
                status.path("id").asText(null), receipt, reason));
    }

    @Override
    public Optional<String> handshake(Map<String, String> query) {
        return "subscribe".equals(query.get("hub.mode")) && settings.verifyToken() != null
                && !settings.verifyToken().isBlank()
                && Signatures.matches(settings.verifyToken(), query.get("hub.verify_token"))
                ? Optional.ofNullable(query.get("hub.challenge")) : Optional.empty();
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** Meta refuses template parameters with new lines, tabs or more than four spaces in a row. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\n+\\s*", " | ").replaceAll("[\\t ]{2,}", " ");
    }
}
