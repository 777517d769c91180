package id.desaflow.notification;

import com.jayway.jsonpath.JsonPath;
import id.desaflow.contracts.events.EventType;
import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.DeliveryPolicy;
import id.desaflow.notification.delivery.Draft;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.preference.PreferenceBook;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.test.security.AuthorizationMatrix;
import id.desaflow.platform.test.security.TestActors;
import id.desaflow.platform.test.security.TestTokenIssuer;
import id.desaflow.platform.test.security.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.desaflow.platform.test.security.TestActors.VILLAGE_X;
import static id.desaflow.platform.test.security.TestActors.VILLAGE_Y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 3: every endpoint of the notification service x every kind of caller, with real signed tokens. A cell is
 * the status, or {@code status:n} where the answer is a list whose length shows what the caller may see (200:0 is
 * "allowed, but none of it is yours"). Changing any single rule changes a cell and fails the test.
 * <p>
 * Its context (tokens on) neither consumes nor sends (the test SMTP server and WireMock are shared by the JVM), and
 * is closed after the class, with its own broker.
 */
@TestTokenIssuer
@TestPropertySource(properties = {"spring.kafka.listener.auto-startup=false",
        "desaflow.notification.dispatch-interval=1h"})
@DirtiesContext
class AuthorizationMatrixTest extends NotificationServiceTestSupport {
    private static final String TEMPLATE = "/api/v1/templates/desaflow.request.submitted.v1/SMS/en";
    private static final String TEMPLATE_BODY = "{\"subject\":\"Received\",\"body\":\"{{name}}: {{trackingCode}}\"}";
    private static final String PREFERENCES = "{\"channels\":[\"EMAIL\",\"IN_APP\"],\"optedOut\":false}";

    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    PreferenceBook preferences;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DeliveryPolicy policy;

    private String residentAKey;
    private String officialOfX;
    private String residentAItem;

    @BeforeEach
    void fixtures() {
        residentAKey = pseudonyms.residentKey(TestActors.RESIDENT_A_NIK);
        officialOfX = "matrix-" + UUID.randomUUID();
        String kasiOfX = TestActors.official(VILLAGE_X, Roles.KASI_PELAYANAN).userId();
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recipientKey").in(residentAKey, kasiOfX)),
                "inbox");
        residentAItem = inboxItem(residentAKey);
        inboxItem(kasiOfX);
        failedMessageOfVillageX(); // one in the log of village X, addressed to officialOfX
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheRulesSay() throws Exception {
        //       columns: anon resA resB | operator rt rw kadus kasi-pelayanan kasi-pemerintahan sekdes kades (X Y each)
        //                | admin-desa X, admin-desa Y, admin-kecamatan
        AuthorizationMatrix<MockHttpServletRequestBuilder> table = new AuthorizationMatrix<>();
        table.row("GET  log of village X's official",
                () -> get("/api/v1/notifications").param("recipientKey", officialOfX),
                "401 403 403 | 200:1 200:0 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 200:1 200:0 200:1");
        table.row("POST resend village X's failure",
                () -> post("/api/v1/notifications/{id}/resend", failedMessageOfVillageX()),
                "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 202 404 202");
        table.row("GET  providers", () -> get("/api/v1/providers"),
                "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 200 200 200");
        table.row("GET  templates", () -> get("/api/v1/templates").param("language", "en").param("channel", "SMS")
                        .param("eventType", EventType.REQUEST_SUBMITTED.type()),
                "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 200:1 200:1 200:1");
        table.row("PUT  template", () -> put(TEMPLATE).contentType(MediaType.APPLICATION_JSON)
                        .content(TEMPLATE_BODY),
                "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 403 403 200");
        table.row("DEL  template", () -> delete(TEMPLATE),
                "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 403 403 204");
        table.row("GET  own inbox", () -> get("/api/v1/inbox").param("recipient", residentAKey),
                "401 200:1 200:0 | 200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:1 200:0 200:0 200:0 200:0 200:0 "
                        + "200:0 200:0 | 200:0 200:0 200:0");
        table.row("POST read resident A's item", () -> post("/api/v1/inbox/{id}/read", residentAItem),
                "401 200 404 | 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 | 404 404 404");
        table.row("GET  own preferences", () -> get("/api/v1/preferences/me"),
                "401 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200");
        table.row("PUT  own preferences", () -> put("/api/v1/preferences/me")
                        .contentType(MediaType.APPLICATION_JSON).content(PREFERENCES),
                "401 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200");
        table.row("GET  resident A's preferences", () -> get("/api/v1/preferences/{key}", residentAKey),
                "401 200 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 403 403 403");
        table.row("PUT  resident A's preferences", () -> put("/api/v1/preferences/{key}", residentAKey)
                        .contentType(MediaType.APPLICATION_JSON).content(PREFERENCES),
                "401 200 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 403 403 403");
        // signed links and providers' webhooks need no sign-in: their own secret is the check
        table.row("GET  unsubscribe link", () -> get(unsubscribePath()),
                "200 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200");
        table.row("POST receipt, bad signature", () -> post("/api/v1/providers/whatsapp-cloud/receipts")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"entry\":[]}")
                        .header("X-Hub-Signature-256", "sha256=00"),
                "403 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 403 403 403");
        table.row("GET  webhook handshake", () -> get("/api/v1/providers/whatsapp-cloud/receipts")
                        .param("hub.mode", "subscribe").param("hub.verify_token", TestGateways.META_VERIFY)
                        .param("hub.challenge", "42"),
                "200 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200");

        assertThat(table.differences(this::call)).isEmpty();
    }

    @Test
    void tokensThatAreExpiredForeignOrFromAnotherIssuerAreRefused() throws Exception {
        Actor admin = TestActors.adminDesa(VILLAGE_X);
        for (String token : TestTokens.shared().refusedBearers(admin)) {
            for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/notifications"),
                    get("/api/v1/inbox"), get("/api/v1/preferences/me"), get("/api/v1/templates"))) {
                assertThat(http.perform(request.header(HttpHeaders.AUTHORIZATION, token)).andReturn().getResponse()
                        .getStatus()).as(request.toString()).isEqualTo(401);
            }
        }
        // with tokens on, the open-mode headers name nobody
        assertThat(http.perform(get("/api/v1/notifications").with(villageAdmin())).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
    }

    /** The status, plus the list's length when the expected cell asks for it. */
    private String call(MockHttpServletRequestBuilder request, Actor caller, String expected) throws Exception {
        if (caller != null) {
            request.header(HttpHeaders.AUTHORIZATION, TestTokens.shared().bearer(caller));
        }
        MvcResult result = http.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        if (!expected.contains(":") || status != 200) {
            return String.valueOf(status);
        }
        int length = JsonPath.<Integer>read(result.getResponse().getContentAsString(), "$.length()");
        return status + ":" + length;
    }

    private String inboxItem(String recipientKey) {
        String id = "matrix-" + UUID.randomUUID();
        mongo.insert(new Document("_id", id).append("recipientKey", recipientKey).append("title", "Uji")
                .append("body", "Uji").append("at", Instant.now()), "inbox");
        return id;
    }

    /** A message to an official of village X that failed for good: in village X's log, resendable. */
    private String failedMessageOfVillageX() {
        Instant now = Instant.now();
        Notification n = Notification.queue(new Draft(UUID.randomUUID().toString(), EventType.TASK_CREATED.type(),
                null, Audience.OFFICIAL, officialOfX, Channel.IN_APP, officialOfX, "Tugas baru", "Uji", null, null,
                "id", Map.of(), null, null, null), now).forVillage(VILLAGE_X);
        n.startAttempt(now, policy);
        n.failedTechnically("uji", now);
        notifications.insert(n);
        return n.id();
    }

    private String unsubscribePath() {
        String url = preferences.unsubscribeUrl("matrix-unsubscribe");
        return url.substring(url.indexOf("/api/"));
    }
}
