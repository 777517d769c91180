package id.desaflow.notification.delivery;

import id.desaflow.platform.test.InProcessMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Marking a final failure's follow-up on the repository alone (no dispatcher racing the test). */
@DataMongoTest
@InProcessMongo
class FollowedUpTest {
    @Autowired
    Notifications notifications;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void empty() {
        notifications.deleteAll(); // this slice's own server; both tests write the same message
    }

    @Test
    void theMarkNeverWritesBackAnEventTheRelayAlreadyRemoved() {
        Notification failed = failedForGood();
        notifications.save(failed);
        Long saved = failed.version();
        assertThat(notifications.findById(failed.id()).orElseThrow().pendingEvents()).hasSize(1);
        // what the relay does once Kafka has the event
        mongo.updateFirst(query(where("_id").is(failed.id())), new Update().set("outbox", List.of()), "notifications");

        assertThat(notifications.followedUp(failed.id(), saved)).isEqualTo(1);

        Notification stored = notifications.findById(failed.id()).orElseThrow();
        assertThat(stored.followUpPending()).isFalse();
        assertThat(stored.pendingEvents()).as("not written back").isEmpty();
        assertThat(stored.version()).isEqualTo(saved + 1);
        assertThat(stored.status()).isEqualTo(NotificationStatus.PERMANENT_FAILURE);
    }

    @Test
    void aMessageThatChangedMeanwhileKeepsItsFollowUp() {
        Notification failed = failedForGood();
        notifications.save(failed);

        assertThat(notifications.followedUp(failed.id(), failed.version() - 1)).isZero();

        assertThat(notifications.findById(failed.id()).orElseThrow().followUpPending()).isTrue();
    }

    private static Notification failedForGood() {
        Notification n = NotificationTest.queued(Channel.WHATSAPP, "081234567890", Audience.RESIDENT);
        n.startAttempt(NotificationTest.T0, NotificationTest.POLICY);
        n.failedPermanently("Meta: 131026 Message undeliverable", NotificationTest.T0);
        assertThat(n.followUpPending()).isTrue();
        return n;
    }
}
