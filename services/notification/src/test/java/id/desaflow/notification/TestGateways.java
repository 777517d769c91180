package id.desaflow.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server for the whole test JVM standing in for both gateways: Twilio's Messages API and Meta's
 * WhatsApp Cloud API, at their documented paths. By default both accept every message; a test makes one phone
 * number behave differently with a stub of higher priority, so tests never disturb each other.
 */
public final class TestGateways {
    public static final String TWILIO_ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    public static final String TWILIO_TOKEN = "twilio-test-auth-token";
    public static final String TWILIO_SENDER = "+15005550006";
    public static final String TWILIO_PATH = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Messages.json";
    public static final String META_PHONE_ID = "109876543210";
    public static final String META_TOKEN = "EAAtest-access-token";
    public static final String META_SECRET = "meta-test-app-secret";
    public static final String META_VERIFY = "meta-test-verify-token";
    public static final String META_PATH = "/v21.0/" + META_PHONE_ID + "/messages";
    /** Our public URL as the providers call it (Twilio signs the whole callback URL). */
    public static final String RECEIPTS_BASE = "https://notifikasi.beji.test";

    public static final WireMockServer SERVER = start();

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(8).jettyAcceptors(1));
        server.start();
        acceptEverything(server);
        return server;
    }

    private static void acceptEverything(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo(TWILIO_PATH)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")
                .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo(TWILIO_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messages\":[]}")));
        server.stubFor(post(urlPathEqualTo(META_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.{{randomValue "
                        + "type='UUID'}}\"}]}").withTransformers("response-template")));
    }

    public static String baseUrl() {
        return SERVER.baseUrl();
    }

    /** Twilio answers for one recipient. */
    public static void twilioAnswersFor(String phone, ResponseDefinitionBuilder answer) {
        stub(post(urlPathEqualTo(TWILIO_PATH)).withRequestBody(containing("To=" + encodedE164(phone))), answer);
    }

    /** Meta answers for one recipient. */
    public static void whatsAppAnswersFor(String phone, ResponseDefinitionBuilder answer) {
        stub(post(urlPathEqualTo(META_PATH)).withRequestBody(matchingJsonPath("$.to",
                equalTo(e164(phone).substring(1)))), answer);
    }

    private static void stub(MappingBuilder mapping, ResponseDefinitionBuilder answer) {
        SERVER.stubFor(mapping.atPriority(1).willReturn(answer));
    }

    public static List<LoggedRequest> smsTo(String phone) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(TWILIO_PATH))
                .withRequestBody(containing("To=" + encodedE164(phone))));
    }

    public static List<LoggedRequest> whatsAppTo(String phone) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(META_PATH)).withRequestBody(matchingJsonPath("$.to",
                equalTo(e164(phone).substring(1)))));
    }

    /** The form Twilio received. */
    public static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(p -> p.split("=", 2)).collect(
                Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : ""));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@code 0812...} as the gateways receive it: {@code +62812...}. */
    public static String e164(String phone) {
        return "+62" + phone.substring(1);
    }

    private static String encodedE164(String phone) {
        return "%2B62" + phone.substring(1);
    }

    private TestGateways() {
    }
}
