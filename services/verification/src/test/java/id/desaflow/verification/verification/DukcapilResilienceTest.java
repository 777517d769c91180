package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.verification.ServiceTestSupport;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import id.desaflow.verification.rules.Submission;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * WireMock plays Dukcapil slow (answers after the timeout), then failing (HTTP 500), then recovered. Every request
 * must end verified or correctly refused: none refused because Dukcapil failed, none lost, each told "postponed"
 * once, and the backlog drains by itself after recovery. The circuit state shows in health and metrics meanwhile.
 */
class DukcapilResilienceTest extends ServiceTestSupport {
    private static final String VERIFY = "/api/v1/nik/verify";

    @Autowired
    VerificationRecords records;
    @Autowired
    CircuitBreakerRegistry circuitBreakers;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void dukcapilHealthyAgain() {
        answerMatchForEveryone();
        circuitBreakers.circuitBreaker("dukcapil").reset();
    }

    @Test
    void slowThenFailingThenRecovering() throws Exception {
        DUKCAPIL.resetAll();
        DUKCAPIL.stubFor(post(urlEqualTo(VERIFY)).willReturn(okJson(DUKCAPIL_MATCH).withFixedDelay(2500)));
        List<String> waiting = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            waiting.add(submit(registered(resident("Warga Sabar " + i))));
        }
        Resident differs = registered(resident("Data Berbeda"));
        String differing = submit(differs);
        waiting.add(differing);
        String dead = submit(registered(resident("Sudah Wafat").status(ResidentStatus.MENINGGAL)));
        Resident misspelt = registered(resident("Salah Tulis"));
        String returned = newRequestId();
        publish(returned, submitted(returned, misspelt.nik(), "Salah Tulisan"));

        // slow: the ones that need Dukcapil wait; the ones decided without it are decided at once
        for (String id : waiting) {
            VerificationPostponed postponed = verificationEvents.awaitType(EventType.VERIFICATION_POSTPONED, id)
                    .payload(VerificationPostponed.class);
            assertThat(postponed.reason()).contains("tertunda").doesNotContain("Exception");
        }
        verificationEvents.awaitType(EventType.VERIFICATION_FAILED, dead);
        verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, returned);
        CircuitBreaker circuit = circuitBreakers.circuitBreaker("dukcapil");
        Awaitility.await().until(() -> circuit.getState() == CircuitBreaker.State.OPEN);
        circuitStateVisible();
        mvc.perform(get("/api/v1/verifications/{id}", waiting.get(0)))
                .andExpect(jsonPath("$.outcome").value("PENDING"))
                .andExpect(jsonPath("$.pending.attempts").isNumber())
                .andExpect(jsonPath("$.open").value(true));

        // failing: the half-open circuit lets a probe through now and then, which fails; nothing is decided
        DUKCAPIL.resetAll();
        DUKCAPIL.stubFor(post(urlEqualTo(VERIFY)).willReturn(aResponse().withStatus(500)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                DUKCAPIL.countRequestsMatching(postRequestedFor(urlEqualTo(VERIFY)).build()).getCount() >= 1);
        for (String id : waiting) {
            assertThat(decisionsAbout(id)).as(id).isEmpty();
            assertThat(records.findById(id).orElseThrow().pending()).isTrue();
        }

        // recovered: the backlog drains without anyone resubmitting
        answerMatchForEveryone();
        DUKCAPIL.stubFor(post(urlEqualTo(VERIFY)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.nik", equalTo(differs.nik())))
                .willReturn(okJson("{\"found\":true,\"match\":false,\"fields\":{\"nama\":true,"
                        + "\"tanggalLahir\":false}}")));
        for (String id : waiting) {
            RequestVerified verified = verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id)
                    .payload(RequestVerified.class);
            if (id.equals(differing)) {
                assertThat(verified.outcome()).isEqualTo(RequestVerified.MANUAL_CHECK);
                assertThat(verified.checks()).filteredOn(c -> !c.passed()).extracting(CheckResult::rule)
                        .containsExactly("dukcapil-sesuai");
            } else {
                assertThat(verified.outcome()).isEqualTo(RequestVerified.VERIFIED);
            }
        }
        for (String id : waiting) {
            assertThat(decisionsAbout(id)).as("one decision, never a refusal").extracting(IncomingEvent::type)
                    .containsExactly(EventType.REQUEST_VERIFIED.type());
            assertThat(verificationEvents.events(EventType.VERIFICATION_POSTPONED, id).stream()
                    .map(IncomingEvent::id).distinct()).as("postponed once").hasSize(1);
            assertThat(records.findById(id).orElseThrow().pending()).isFalse();
        }
        Awaitility.await().until(() -> circuit.getState() == CircuitBreaker.State.CLOSED);
        assertThat(verificationEvents.contractViolations()).isEmpty();
    }

    @Test
    void aRequestLeftWaitingByAnEarlierRunIsPickedUpFromTheDatabase() {
        String id = newRequestId();
        VerificationRecord left = VerificationRecord.of(id);
        left.postpone("event-of-an-earlier-run", Submission.of(submitted(id, registered(resident("Dari Kemarin")))),
                "Dukcapil unavailable: before the restart", Instant.now());
        records.save(left);

        assertThat(verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id).payload(RequestVerified.class)
                .outcome()).isEqualTo(RequestVerified.VERIFIED);
        assertThat(records.findById(id).orElseThrow().hasHandled("event-of-an-earlier-run")).isTrue();
    }

    private void circuitStateVisible() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.circuitBreakers.details.dukcapil.details.state").value("OPEN"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/metrics/resilience4j.circuitbreaker.state")
                        .param("tag", "name:dukcapil").param("tag", "state:open"))
                .andExpect(jsonPath("$.measurements[0].value").value(1.0));
        mvc.perform(get("/actuator/metrics/desaflow.verification.pending"))
                .andExpect(jsonPath("$.measurements[0].value").value(org.hamcrest.Matchers.greaterThanOrEqualTo(5.0)));
    }

    private String submit(Resident resident) {
        String id = newRequestId();
        publish(id, submitted(id, resident));
        return id;
    }

    private List<IncomingEvent> decisionsAbout(String id) {
        return Stream.of(EventType.REQUEST_VERIFIED, EventType.VERIFICATION_FAILED, EventType.RETURNED_FOR_REVISION)
                .flatMap(type -> verificationEvents.events(type, id).stream())
                .filter(distinct()).toList();
    }

    private static java.util.function.Predicate<IncomingEvent> distinct() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return e -> seen.add(e.id());
    }
}
