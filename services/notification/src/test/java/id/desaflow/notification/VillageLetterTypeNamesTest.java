package id.desaflow.notification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.platform.catalogue.VillageLetterTypes;
import id.desaflow.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static id.desaflow.notification.NotificationFlowTest.body;
import static id.desaflow.notification.NotificationFlowTest.mailAbout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages name the letter type as the resident's village calls it (intake's LetterTypeChanged), from its latest
 * version; other villages keep the catalogue's name. Desa Sempu here, so the other classes keep Beji's names.
 */
class VillageLetterTypeNamesTest extends NotificationServiceTestSupport {
    private static final String SEMPU = "3309012005";

    @Autowired
    MongoOperations mongo;
    @Autowired
    VillageLetterTypes letterTypes;

    @Test
    void theMailNamesTheLetterTypeAsTheVillagesLatestVersionDoes() throws Exception {
        OutboxMessage second = changed(2, "Surat Keterangan Berusaha Mikro");
        publisher.publish(second);
        publisher.publish(second); // redelivered: the same CloudEvent id
        OutboxMessage older = changed(1, "Surat Keterangan Usaha Lama"); // arriving late: ignored
        publisher.publish(older);
        // the letter-type topic has one partition here: once the older one is handled, so are both before it
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("handledEventIds")
                .is(older.eventId())), "villageLetterTypes"));
        assertThat(letterTypes.latest(SEMPU, LETTER_TYPE).orElseThrow().version()).isEqualTo(2);

        String sempu = newRequestId();
        String email = newEmail("sempu");
        publish(sempu, submittedIn(SEMPU, sempu, email));
        String beji = newRequestId();
        String bejiEmail = newEmail("beji");
        publish(beji, submittedIn(VILLAGE, beji, bejiEmail));

        await().atMost(WAIT).until(() -> !TestSmtp.messagesTo(email).isEmpty()
                && !TestSmtp.messagesTo(bejiEmail).isEmpty());
        assertThat(body(mailAbout(email, "Permohonan Anda telah kami terima")))
                .contains("Surat Keterangan Berusaha Mikro").doesNotContain("Lama");
        assertThat(body(mailAbout(bejiEmail, "Permohonan Anda telah kami terima")))
                .contains("Surat Keterangan Usaha").doesNotContain("Berusaha");
    }

    private static OutboxMessage changed(int version, String label) {
        var change = new LetterTypeChanged(SEMPU, LETTER_TYPE, version, label, "Micro Business Certificate", "510",
                true, List.of(new LetterTypeChanged.Field("namaUsaha", "Nama usaha", "Business name")),
                List.of(new LetterTypeChanged.Document("ktp", "KTP pemohon", true)), label.toUpperCase(),
                "Usaha {namaUsaha}.", "admin.sempu", Instant.now());
        return OutboxMessage.of(change.key(), change);
    }

    private static RequestSubmitted submittedIn(String village, String requestId, String email) {
        return new RequestSubmitted(requestId, newTrackingCode(), LETTER_TYPE, village,
                new Applicant(newNik(), "Sri Wahyuni", null, email), Map.of("namaUsaha", "Warung"), "ONLINE",
                Instant.now());
    }
}
