package id.desaflow.notification.delivery;

import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.EventSchemas;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTest {
    static final DeliveryPolicy POLICY = DeliveryPolicyTest.POLICY;
    static final Instant T0 = Instant.parse("2026-08-17T02:00:00Z");
    static final String EVENT_ID = "5f0c5c1e-2d7c-4b8e-9a51-0c6d1f2e3a4b";
    static final String ABOUT = "desaflow.request.letter-issued.v1";

    static Notification queued() {
        return Notification.queue(EVENT_ID, ABOUT, "req-1", Channel.EMAIL, "sri.wahyuni@example.id",
                "Surat Anda sudah terbit", "Yth. Sri Wahyuni, ...", T0);
    }

    @Test
    void idIsTheCausingEventAndTheChannelSoARedeliveryMapsToTheSameMessage() {
        assertThat(queued().id()).isEqualTo(EVENT_ID + ":EMAIL");
        assertThat(Notification.idFor(EVENT_ID, Channel.EMAIL)).isEqualTo(queued().id());
        String longId = Notification.idFor("x".repeat(100), Channel.EMAIL);
        assertThat(longId).hasSizeLessThanOrEqualTo(64).endsWith(":EMAIL")
                .isEqualTo(Notification.idFor("x".repeat(100), Channel.EMAIL));
    }

    @Test
    void deliveredPublishesAnEventWithTheRecipientMasked() {
        Notification n = queued();
        n.startAttempt(T0, POLICY);
        n.delivered(T0.plusSeconds(1));

        assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(n.attempts()).isEqualTo(1);
        OutboxMessage message = n.pendingEvents().get(0);
        assertThat(message.type()).isEqualTo(EventType.NOTIFICATION_DELIVERED.type());
        assertThat(message.key()).isEqualTo("req-1");
        assertThat(message.payload()).doesNotContain("sri.wahyuni@example.id");
        assertThat(EventSchemas.violations(EventType.NOTIFICATION_DELIVERED, bytes(message))).isEmpty();
        NotificationDelivered event = EventJson.fromBytes(bytes(message), NotificationDelivered.class);
        assertThat(event.recipient()).isEqualTo("s**********@e******.id");
        assertThat(event.notificationId()).isEqualTo(n.id());
        assertThat(event.about()).isEqualTo(ABOUT);
        assertThat(event.channel()).isEqualTo("EMAIL");
    }

    @Test
    void temporaryFailuresBackOffThenBecomePermanentWithAMaskedFailureEvent() {
        Notification n = queued();
        Instant now = T0;
        for (int attempt = 1; attempt < POLICY.maxAttempts(); attempt++) {
            n.startAttempt(now, POLICY);
            n.failedTemporarily("Connection refused", now, POLICY);
            assertThat(n.status()).isEqualTo(NotificationStatus.TEMPORARY_FAILURE);
            assertThat(n.nextAttemptAt()).isEqualTo(now.plus(POLICY.backoffAfter(attempt)));
            assertThat(n.isDue(now)).isFalse();
            now = n.nextAttemptAt();
            assertThat(n.isDue(now)).isTrue();
        }
        assertThat(n.pendingEvents()).isEmpty();

        n.startAttempt(now, POLICY);
        n.failedTemporarily("Connection refused", now, POLICY);

        assertThat(n.status()).isEqualTo(NotificationStatus.PERMANENT_FAILURE);
        assertThat(n.attempts()).isEqualTo(POLICY.maxAttempts());
        assertThat(n.isDue(now.plus(Duration.ofDays(1)))).isFalse();
        OutboxMessage message = n.pendingEvents().get(0);
        assertThat(EventSchemas.violations(EventType.NOTIFICATION_FAILED, bytes(message))).isEmpty();
        NotificationFailed event = EventJson.fromBytes(bytes(message), NotificationFailed.class);
        assertThat(event.recipient()).isEqualTo("s**********@e******.id");
        assertThat(event.reason()).contains("4 percobaan").contains("Connection refused");
    }

    @Test
    void aPermanentRefusalIsFinalAtOnceAndTheServersEchoOfTheAddressIsMasked() {
        Notification n = queued();
        n.startAttempt(T0, POLICY);
        n.failedPermanently("550 5.1.1 <sri.wahyuni@example.id>: Recipient address rejected", T0);

        assertThat(n.status()).isEqualTo(NotificationStatus.PERMANENT_FAILURE);
        assertThat(n.lastError()).isEqualTo("550 5.1.1 <s**********@e******.id>: Recipient address rejected");
        assertThat(n.pendingEvents()).extracting(OutboxMessage::type)
                .containsExactly(EventType.NOTIFICATION_FAILED.type());
        NotificationFailed event = EventJson.fromBytes(bytes(n.pendingEvents().get(0)), NotificationFailed.class);
        assertThat(event.reason()).isEqualTo(n.lastError()).doesNotContain("sri.wahyuni@example.id");
    }

    @Test
    void aClaimIsExclusiveUntilItsLeaseRunsOut() {
        Notification n = queued();
        n.startAttempt(T0, POLICY);

        assertThat(n.isDue(T0.plus(POLICY.lease()).minusMillis(1))).isFalse();
        assertThatThrownBy(() -> n.startAttempt(T0.plusSeconds(1), POLICY))
                .isInstanceOf(IllegalStateException.class);

        Instant afterCrash = T0.plus(POLICY.lease());
        assertThat(n.isDue(afterCrash)).isTrue();
        n.startAttempt(afterCrash, POLICY);
        assertThat(n.attempts()).as("the lost attempt counts").isEqualTo(2);
    }

    @Test
    void anAttemptTheCircuitBreakerRefusedIsNotCounted() {
        Notification n = queued();
        n.startAttempt(T0, POLICY);
        n.notAttempted(T0.plusSeconds(30), T0);

        assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(n.attempts()).isZero();
        assertThat(n.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void onlyFailedMessagesCanBeResentAndAResendStartsAfresh() {
        Notification n = queued();
        assertThatThrownBy(() -> n.resend("admin", T0)).isInstanceOf(NotificationStateException.class)
                .hasMessageContaining("tidak dapat dikirim ulang");
        n.startAttempt(T0, POLICY);
        n.failedPermanently("550 no such user", T0);

        n.resend("admin", T0.plusSeconds(60));

        assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(n.attempts()).isZero();
        assertThat(n.isDue(T0.plusSeconds(60))).isTrue();
        assertThat(n.resentBy()).isEqualTo("admin");
    }

    @Test
    void refusesToSettleAnAttemptThatWasNeverStarted() {
        Notification n = queued();
        assertThatThrownBy(() -> n.delivered(T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> n.failedPermanently("x", T0)).isInstanceOf(IllegalStateException.class);
        assertThat(n.pendingEvents()).isEmpty();
    }

    private static byte[] bytes(OutboxMessage message) {
        return message.payload().getBytes(StandardCharsets.UTF_8);
    }
}
