package id.desaflow.verification.rules;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.verification.ServiceTestSupport;
import id.desaflow.verification.registry.Resident;
import id.desaflow.platform.catalogue.VillageLetterTypes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A village's own version of a letter type (intake's LetterTypeChanged on desaflow.intake) decides which documents
 * that village's requests need; other villages keep the shipped ones.
 */
class VillageLetterTypesTest extends ServiceTestSupport {
    private static final String SKU = "surat-keterangan-usaha";
    private static final String KEY = BEJI + ":" + SKU;
    private static final String COLLECTION = "villageLetterTypes";
    private static final String OTHER_VILLAGE = "3309010001";

    @Autowired
    MongoOperations mongo;
    @Autowired
    VillageLetterTypes letterTypes;

    /** The other classes of this shared context expect Beji's shipped SKU. */
    @AfterAll
    void shippedAgain() {
        mongo.remove(Query.query(Criteria.where("_id").is(KEY)), COLLECTION);
        letterTypes.forget();
    }

    @Test
    void theVillagesLatestVersionDecidesWhichDocumentsItsRequestsNeed() {
        OutboxMessage second = changed(2);
        publisher.publish(second);
        publisher.publish(second); // redelivered: the same CloudEvent id
        OutboxMessage older = changed(1);
        publisher.publish(older);
        // one partition: once the older one is handled, so are both deliveries before it
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(older.eventId()));
        assertThat(handled(second.eventId())).isTrue();
        assertThat(letterTypes.latest(BEJI, SKU).orElseThrow().version()).isEqualTo(2);

        // the RT/RW cover letter is optional in Beji now: a request without it is verified
        Resident budi = registered(resident("Budi Wicaksono"));
        String withoutCoverLetter = newRequestId();
        RequestSubmitted full = submitted(withoutCoverLetter, budi);
        publish(withoutCoverLetter, withDocuments(full, BEJI, "ktp", "izin-usaha"));
        assertThat(verificationEvents.awaitType(EventType.REQUEST_VERIFIED, withoutCoverLetter)
                .payload(RequestVerified.class).outcome()).isEqualTo(RequestVerified.VERIFIED);

        // the business permit Beji added is required, named as Beji calls it
        Resident ani = registered(resident("Ani Rahmawati").female());
        String withoutPermit = newRequestId();
        publish(withoutPermit, withDocuments(submitted(withoutPermit, ani), BEJI, "ktp", "pengantar-rt"));
        RequestReturnedForRevision returned = verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION,
                withoutPermit).payload(RequestReturnedForRevision.class);
        assertThat(returned.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("lampiran-wajib");
            assertThat(p.message()).contains("Nomor Induk Berusaha (NIB)").doesNotContain("Surat pengantar");
        });

        // another village still needs the shipped documents: the cover letter, not the permit
        Resident eko = registered(resident("Eko Saputro").village(OTHER_VILLAGE).dusun("Krajan"));
        String elsewhere = newRequestId();
        publish(elsewhere, withDocuments(submitted(elsewhere, eko), OTHER_VILLAGE, "ktp", "izin-usaha"));
        RequestReturnedForRevision shipped = verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, elsewhere)
                .payload(RequestReturnedForRevision.class);
        assertThat(shipped.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("Surat pengantar RT/RW").doesNotContain("NIB"));
    }

    /** Version 2 makes the cover letter optional and adds the business permit; version 1 required everything. */
    private OutboxMessage changed(int version) {
        var change = new LetterTypeChanged(BEJI, SKU, version, "Surat Keterangan Usaha Mikro",
                "Micro Business Certificate", "510", true,
                List.of(new LetterTypeChanged.Field("namaUsaha", "Nama usaha", "Business name")),
                List.of(new LetterTypeChanged.Document("ktp", "KTP pemohon", true),
                        new LetterTypeChanged.Document("pengantar-rt", "Surat pengantar RT/RW", version == 1),
                        new LetterTypeChanged.Document("izin-usaha", "Nomor Induk Berusaha (NIB)", true)),
                "SURAT KETERANGAN USAHA MIKRO", "Usaha {namaUsaha}.", "admin.beji", Instant.now());
        return OutboxMessage.of(change.key(), change);
    }

    private static RequestSubmitted withDocuments(RequestSubmitted s, String village, String... kinds) {
        Applicant applicant = s.applicant();
        return new RequestSubmitted(s.requestId(), s.trackingCode(), s.letterType(), village, applicant, s.data(),
                "ONLINE", s.submittedAt(), java.util.Arrays.stream(kinds).map(ServiceTestSupport::document).toList());
    }

    /** The stored document lists the ids of the events it has handled (platform's AggregateRoot). */
    private boolean handled(String eventId) {
        Document stored = mongo.findById(KEY, Document.class, COLLECTION);
        return stored != null && stored.getList("handledEventIds", String.class).contains(eventId);
    }
}
