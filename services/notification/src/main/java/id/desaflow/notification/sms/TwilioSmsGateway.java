package id.desaflow.notification.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.ChannelGateway;
import id.desaflow.notification.delivery.DeliveryOutcome;
import id.desaflow.notification.delivery.InDoubt;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * SMS through Twilio's Programmable Messaging REST API (see the README for the request and answer shapes):
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} (form: To, From | MessagingServiceSid, Body,
 * StatusCallback; HTTP Basic AccountSid:AuthToken) answers 201 with the message {@code sid}; errors carry Twilio's
 * {@code code}. Delivery receipts arrive as form posts to the StatusCallback URL, signed with X-Twilio-Signature
 * (HMAC-SHA1 of the URL and the sorted form fields, keyed with the Auth Token).
 * <p>
 * In doubt after a crash mid-send we ask Twilio: its message list filtered by recipient, matched on the text and
 * the time we queued the message. Found: adopt its sid and state, send nothing. Not found: send. Twilio down: ask
 * again later. So a restart sends an SMS neither twice nor never.
 */
@Component
@ConditionalOnProperty(prefix = "desaflow.notification.sms", name = "provider", havingValue = SmsSettings.TWILIO)
class TwilioSmsGateway implements ChannelGateway, ProviderReceipts {
    private static final Logger log = LoggerFactory.getLogger(TwilioSmsGateway.class);
    static final String PROVIDER = SmsSettings.TWILIO;
    static final String RECEIPT_PATH = "/api/v1/providers/" + PROVIDER + "/receipts";
    /** Twilio error codes that are about the recipient: another channel may still reach the person. */
    private static final Set<Integer> RECIPIENT_REFUSED = Set.of(21211, 21214, 21217, 21401, 21407, 21408, 21610,
            21612, 21614, 21635);
    /** Delivery error codes that may pass (handset off, queue full, unknown). */
    private static final Set<Integer> DELIVERY_MAY_PASS = Set.of(30001, 30003, 30008, 30009, 30010);
    private static final Duration ASK_AGAIN = Duration.ofSeconds(30);
    /** A message Twilio created slightly before our clock says we queued it is still ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final SmsSettings settings;
    private final RestClient http;
    private final ProviderGuard guard;
    private final ObjectMapper json;
    private final Clock clock;
    private final String callbackBase;

    TwilioSmsGateway(SmsSettings settings, CircuitBreakerRegistry breakers, RateLimiterRegistry limiters,
            ObjectMapper json, Clock clock,
            @Value("${desaflow.notification.receipts.base-url:}") String receiptsBaseUrl) {
        this.settings = settings;
        this.http = ProviderHttp.client(settings.baseUrl(), settings.connectTimeout(), settings.readTimeout());
        this.guard = new ProviderGuard(PROVIDER, breakers, limiters, clock);
        this.json = json;
        this.clock = clock;
        this.callbackBase = receiptsBaseUrl.endsWith("/") ? receiptsBaseUrl.substring(0, receiptsBaseUrl.length() - 1)
                : receiptsBaseUrl;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
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
            return new DeliveryOutcome.PermanentFailure("Nomor telepon tidak valid untuk SMS");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to.get());
        if (settings.messagingService() != null && !settings.messagingService().isBlank()) {
            form.add("MessagingServiceSid", settings.messagingService());
        } else {
            form.add("From", settings.sender());
        }
        form.add("Body", message.body().strip());
        boolean receipts = !callbackBase.isEmpty();
        if (receipts) {
            form.add("StatusCallback", callbackUrl(message.notificationId()));
        }
        return guard.call(() -> post(form, receipts));
    }

    private DeliveryOutcome post(MultiValueMap<String, String> form, boolean receipts) {
        try {
            return http.post().uri("/2010-04-01/Accounts/{account}/Messages.json", settings.account())
                    .headers(h -> h.setBasicAuth(settings.account(), settings.apiKey()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, response) -> answer(response.getStatusCode(), body(response.getBody()),
                            receipts));
        } catch (RestClientException e) {
            throw new TransientProviderException("Twilio tidak terjangkau: " + e.getMessage(), e);
        }
    }

    /** Maps Twilio's answer to a delivery outcome; throws for what says Twilio is unwell (the breaker counts it). */
    private DeliveryOutcome answer(HttpStatusCode status, String body, boolean receipts) {
        int code = status.value();
        if (status.is2xxSuccessful()) {
            String sid = field(body, "sid");
            return sid == null ? new DeliveryOutcome.TechnicalFailure("Jawaban Twilio tanpa sid: "
                    + ProviderHttp.excerpt(body)) : new DeliveryOutcome.Accepted(sid, receipts);
        }
        if (code == 429 || status.is5xxServerError()) {
            throw new TransientProviderException("Twilio HTTP " + code + ": " + ProviderHttp.excerpt(body));
        }
        String reason = "Twilio HTTP " + code + " kode " + field(body, "code") + ": " + field(body, "message");
        if (status.is4xxClientError()) {
            Integer twilioCode = integer(field(body, "code"));
            return twilioCode != null && RECIPIENT_REFUSED.contains(twilioCode)
                    ? new DeliveryOutcome.PermanentFailure(reason) : new DeliveryOutcome.TechnicalFailure(reason);
        }
        return new DeliveryOutcome.TechnicalFailure("Jawaban Twilio tak terduga HTTP " + code + ": "
                + ProviderHttp.excerpt(body));
    }

    @Override
    public InDoubt resolveInDoubt(OutgoingMessage message) {
        Optional<String> to = PhoneNumbers.e164(message.address());
        if (to.isEmpty()) {
            return new InDoubt.NotSent();
        }
        try {
            String body = guard.ask(() -> http.get()
                    .uri(b -> b.path("/2010-04-01/Accounts/{account}/Messages.json").queryParam("To", "{to}")
                            .queryParam("PageSize", 50).build(settings.account(), to.get()))
                    .headers(h -> h.setBasicAuth(settings.account(), settings.apiKey()))
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new TransientProviderException("Twilio look-up HTTP "
                                    + response.getStatusCode().value());
                        }
                        return body(response.getBody());
                    }));
            for (JsonNode sent : json.readTree(body).path("messages")) {
                if (message.body().strip().equals(sent.path("body").asText().strip())
                        && !createdAt(sent).isBefore(message.queuedAt().minus(CLOCK_SKEW))) {
                    return new InDoubt.Known(stateOf(sent));
                }
            }
            return new InDoubt.NotSent();
        } catch (RuntimeException | IOException e) {
            // the exception's text may carry the look-up URL with the phone number: only its kind is logged
            log.warn("Could not ask Twilio about notification {}: {}", message.notificationId(),
                    e.getClass().getSimpleName());
            return new InDoubt.AskLater(clock.instant().plus(ASK_AGAIN));
        }
    }

    private DeliveryOutcome stateOf(JsonNode sent) {
        String sid = sent.path("sid").asText();
        ReceiptStatus status = receiptStatus(sent.path("status").asText(), integer(sent.path("error_code").asText()));
        if (status == null || status == ReceiptStatus.SENT) {
            return new DeliveryOutcome.Accepted(sid, !callbackBase.isEmpty());
        }
        return switch (status) {
            case DELIVERED -> new DeliveryOutcome.Accepted(sid, false);
            case TEMPORARY_FAILURE -> new DeliveryOutcome.TemporaryFailure("Twilio: " + sent.path("status").asText());
            default -> new DeliveryOutcome.PermanentFailure("Twilio: " + sent.path("status").asText() + " kode "
                    + sent.path("error_code").asText());
        };
    }

    @Override
    public List<Receipt> read(ReceiptRequest request) {
        String expected = signature(request.url(), request.form());
        if (!Signatures.matches(expected, request.headers().getFirst("X-Twilio-Signature"))) {
            throw new ReceiptRejectedException("Tanda tangan X-Twilio-Signature tidak cocok.");
        }
        String sid = first(request.form(), "MessageSid");
        String status = first(request.form(), "MessageStatus");
        String errorCode = first(request.form(), "ErrorCode");
        ReceiptStatus receipt = receiptStatus(status, integer(errorCode));
        if (receipt == null) {
            return List.of(); // queued, accepted, sending: nothing to settle yet
        }
        String reason = "Twilio: " + status + (errorCode == null ? "" : " kode " + errorCode);
        return List.of(new Receipt(request.query().get("notification"), sid, receipt, reason));
    }

    /** Twilio's status values; null for the ones before the message left Twilio. */
    static ReceiptStatus receiptStatus(String status, Integer errorCode) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "sent" -> ReceiptStatus.SENT;
            case "delivered", "read" -> ReceiptStatus.DELIVERED;
            case "undelivered", "failed" -> errorCode != null && DELIVERY_MAY_PASS.contains(errorCode)
                    ? ReceiptStatus.TEMPORARY_FAILURE : ReceiptStatus.PERMANENT_FAILURE;
            default -> null;
        };
    }

    /** Twilio's request validation: Base64(HMAC-SHA1(auth token, URL + each form key and value, keys sorted)). */
    String signature(String url, Map<String, List<String>> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((key, values) -> values.forEach(v -> data.append(key).append(v)));
        return Base64.getEncoder().encodeToString(Signatures.hmac("HmacSHA1", settings.apiKey(),
                data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private String callbackUrl(String notificationId) {
        return callbackBase + RECEIPT_PATH + "?notification=" + URLEncoder.encode(notificationId,
                StandardCharsets.UTF_8);
    }

    private static Instant createdAt(JsonNode sent) {
        try {
            return ZonedDateTime.parse(sent.path("date_created").asText(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body).path(name);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.getOrDefault(key, new ArrayList<>());
        return values.isEmpty() ? null : values.get(0);
    }

    private static String body(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
