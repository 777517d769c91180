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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTest {
    static final DeliveryPolicy POLICY = DeliveryPolicyTest.POLICY;
    static final Instant T0 = Instant.parse("2026-08-17T02:00:00Z");
    static final String EVENT_ID = "5f0c5c1e-2d7c-4b8e-9a51-0c6d1f2e3a4b";
    static final String ABOUT = "desaflow.request.letter-issued.v1";

    static Notification queued() {
        return queued(Channel.EMAIL, "sri.wahyuni@example.id", Audience.RESIDENT);
    }

    static Notification queued(Channel channel, String address, Audience audience) {
        return Notification.queue(new Draft(EVENT_ID, ABOUT, "req-1", audience, "warga-1", channel, address,
                "Surat Anda sudah terbit", "Yth. Sri Wahyuni, ...", "http://localhost:8080/lacak/DF-1", null, "id",
                Map.of("name", "Sri Wahyuni"), "sri.wahyuni@example.id", "081234567890", null), T0);
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
    void anOfficialsMessageIdNamesTheOfficialSoEachMemberOfAGroupGetsOne() {
        String sekdes = Notification.idFor(EVENT_ID, Audience.OFFICIAL, "demo-beji-sekdes", Channel.EMAIL);
        String kades = Notification.idFor(EVENT_ID, Audience.OFFICIAL, "demo-beji-kades", Channel.EMAIL);
        assertThat(sekdes).isNotEqualTo(kades).hasSizeLessThanOrEqualTo(64).endsWith(":EMAIL")
                .isEqualTo(Notification.idFor(EVENT_ID, Audience.OFFICIAL, "demo-beji-sekdes", Channel.EMAIL));
    }

    @Test
    void deliveredPublishesAnEventWithTheRecipientMasked() {
        Notification n = queued();
        n.startAttempt(T0, POLICY);
        n.accepted("smtp", n.id(), false, T0.plusSeconds(1), POLICY);

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
    void aPhoneMessageIsMaskedAsAPhoneNumberAndOfficialsOutcomesStayOutOfTheTimeline() {
        Notification sms = queued(Channel.SMS, "081234567890", Audience.RESIDENT);
        sms.startAttempt(T0, POLICY);
        sms.accepted("twilio", "SM1", false, T0, POLICY);
        NotificationDelivered event = EventJson.fromBytes(bytes(sms.pendingEvents().get(0)),
                NotificationDelivered.class);
        assertThat(event.recipient()).isEqualTo("0812****7890");
        assertThat(event.channel()).isEqualTo("SMS");

        Notification official = queued(Channel.EMAIL, "sekdes@beji.desa.id", Audience.OFFICIAL);
        official.startAttempt(T0, POLICY);
        official.failedPermanently("550 no such user", T0);
        assertThat(official.status()).isEqualTo(NotificationStatus.PERMANENT_FAILURE);
        assertThat(official.pendingEvents()).isEmpty();
    }

    @Test
    void acceptedByAProviderThatSendsReceiptsStaysSendingUntilTheReceipt() {
        Notification n = queued(Channel.WHATSAPP, "081234567890", Audience.RESIDENT);
        n.startAttempt(T0, POLICY);
        n.accepted("whatsapp-cloud", "wamid.1", true, T0, POLICY);

        assertThat(n.status()).isEqualTo(NotificationStatus.SENDING);
        assertThat(n.isAwaitingReceipt()).isTrue();
        assertThat(n.isInDoubt()).isFalse();
        assertThat(n.pendingEvents()).isEmpty();
        assertThat(n.receipt(ReceiptStatus.DELIVERED, "wamid.other", null, T0, POLICY))
                .as("a receipt about another copy").isFalse();
        assertThat(n.receipt(ReceiptStatus.SENT, "wamid.1", null, T0, POLICY)).isFalse();

        assertThat(n.receipt(ReceiptStatus.DELIVERED, "wamid.1", null, T0.plusSeconds(3), POLICY)).isTrue();
        assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(n.pendingEvents()).extracting(OutboxMessage::type)
                .containsExactly(EventType.NOTIFICATION_DELIVERED.type());
        assertThat(n.receipt(ReceiptStatus.DELIVERED, "wamid.1", null, T0.plusSeconds(4), POLICY))
                .as("a repeated receipt").isFalse();
    }

    @Test
    void aReceiptSettlesAMessageInDoubtByItsId() {
        Notification n = queued(Channel.WHATSAPP, "081234567890", Audience.RESIDENT);
        n.startAttempt(T0, POLICY); // then the service stopped before saving Meta's answer
        assertThat(n.isInDoubt()).isTrue();

        assertThat(n.receipt(ReceiptStatus.SENT, "wamid.9", null, T0.plusSeconds(2), POLICY)).isTrue();
        assertThat(n.providerReference()).isEqualTo("wamid.9");
        assertThat(n.isInDoubt()).isFalse();
        assertThat(n.isDue(T0.plus(POLICY.lease()))).as("no longer due for a resend").isFalse();
    }

    @Test
    void aFailureReceiptFailsForGoodAndAsksForAFallback() {
        Notification n = queued(Channel.SMS, "081234567890", Audience.RESIDENT);
        n.startAttempt(T0, POLICY);
        n.accepted("twilio", "SM1", true, T0, POLICY);
        n.receipt(ReceiptStatus.PERMANENT_FAILURE, "SM1", "Twilio: undelivered kode 30005", T0, POLICY);

        assertThat(n.status()).isEqualTo(NotificationStatus.PERMANENT_FAILURE);
        assertThat(n.followUpPending()).isTrue();
    }

    @Test
    void aReceiptThatNeverComesCountsAsDeliveredAfterTheTimeout() {
        Notification n = queued(Channel.SMS, "081234567890", Audience.RESIDENT);
        n.startAttempt(T0, POLICY);
        n.accepted("twilio", "SM1", true, T0, POLICY);
        Instant later = T0.plus(POLICY.receiptTimeout());
        assertThat(n.isDue(later)).isTrue();

        n.receiptTimedOut(later);

        assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(n.lastError()).isEqualTo(Notification.NO_RECEIPT);
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
    void aPermanentRefusalIsFinalAtOnceAndTheEchoedAddressOrNumberIsMasked() {
        Notification n = queued();
        n.startAttempt(T0, POLICY);
        n.failedPermanently("550 5.1.1 <sri.wahyuni@example.id>: Recipient address rejected", T0);

        assertThat(n.status()).isEqualTo(NotificationStatus.PERMANENT_FAILURE);
        assertThat(n.lastError()).isEqualTo("550 5.1.1 <s**********@e******.id>: Recipient address rejected");
        assertThat(n.pendingEvents()).extracting(OutboxMessage::type)
                .containsExactly(EventType.NOTIFICATION_FAILED.type());
        NotificationFailed event = EventJson.fromBytes(bytes(n.pendingEvents().get(0)), NotificationFailed.class);
        assertThat(event.reason()).isEqualTo(n.lastError()).doesNotContain("sri.wahyuni@example.id");

        assertThat(Notification.masked("Twilio HTTP 400 kode 21211: The 'To' number +6281234567890 is not valid"))
                .isEqualTo("Twilio HTTP 400 kode 21211: The 'To' number +628******7890 is not valid");
    }

    @Test
    void aTechnicalFailureIsFinalPublishedAndResendable() {
        Notification n = queued(Channel.SMS, "081234567890", Audience.RESIDENT);
        n.startAttempt(T0, POLICY);
        n.failedTechnically("Twilio HTTP 401 kode 20003: Authenticate", T0);

        assertThat(n.status()).isEqualTo(NotificationStatus.TECHNICAL_FAILURE);
        assertThat(n.followUpPending()).isTrue();
        assertThat(n.pendingEvents()).extracting(OutboxMessage::type)
                .containsExactly(EventType.NOTIFICATION_FAILED.type());
        n.resend("admin", T0.plusSeconds(60));
        assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
    }

    @Test
    void aClaimIsExclusiveUntilItsLeaseRunsOutAndIsThenInDoubt() {
        Notification n = queued();
        n.startAttempt(T0, POLICY);

        assertThat(n.isDue(T0.plus(POLICY.lease()).minusMillis(1))).isFalse();
        assertThatThrownBy(() -> n.startAttempt(T0.plusSeconds(1), POLICY))
                .isInstanceOf(IllegalStateException.class);

        Instant afterCrash = T0.plus(POLICY.lease());
        assertThat(n.isDue(afterCrash)).isTrue();
        assertThat(n.isInDoubt()).isTrue();
        n.startAttempt(afterCrash, POLICY);
        assertThat(n.attempts()).as("the lost attempt counts").isEqualTo(2);
        n.stillInDoubt(afterCrash.plusSeconds(30), afterCrash);
        assertThat(n.isInDoubt()).as("a look-up that failed leaves it in doubt").isTrue();
        assertThat(n.attempts()).isEqualTo(1);
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
        assertThat(n.followUpPending()).as("a resend is not a new failure").isFalse();
        assertThat(n.outgoing().queuedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aFallbackNeverFallsBackAgain() {
        Notification fallback = Notification.queue(new Draft(EVENT_ID, ABOUT, "req-1", Audience.RESIDENT, "warga-1",
                Channel.SMS, "081234567890", "s", "b", null, null, "id", Map.of(), null, "081234567890",
                EVENT_ID + ":WHATSAPP"), T0);
        fallback.startAttempt(T0, POLICY);
        fallback.failedPermanently("Twilio HTTP 400 kode 21614", T0);

        assertThat(fallback.fallbackAllowed()).isFalse();
        assertThat(fallback.followUpPending()).isFalse();
        assertThat(fallback.fallbackOf()).isEqualTo(EVENT_ID + ":WHATSAPP");
    }

    @Test
    void refusesToSettleAnAttemptThatWasNeverStarted() {
        Notification n = queued();
        assertThatThrownBy(() -> n.accepted("smtp", "x", false, T0, POLICY))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> n.failedPermanently("x", T0)).isInstanceOf(IllegalStateException.class);
        assertThat(n.receipt(ReceiptStatus.DELIVERED, "x", null, T0, POLICY)).isFalse();
        assertThat(n.pendingEvents()).isEmpty();
    }

    private static byte[] bytes(OutboxMessage message) {
        return message.payload().getBytes(StandardCharsets.UTF_8);
    }
}
