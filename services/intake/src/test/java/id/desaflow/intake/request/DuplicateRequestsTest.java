package id.desaflow.intake.request;

import id.desaflow.contracts.events.EventType;
import id.desaflow.intake.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Idempotency-Key replays, and the one-open-request-per-resident-and-type rule, also under concurrent submissions. */
class DuplicateRequestsTest extends ServiceTestSupport {
    private static final int CONCURRENT = 8;

    @Autowired
    LetterRequests requests;

    @Test
    void theSameKeyAndRequestGetTheSameAnswerAndNoSecondRequest() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validSubmission("Sri Idempoten");

        Response first = submit(body, "Idempotency-Key", key);
        Response again = submit(body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo(first.location());
        String id = first.get("requestId").asText();
        recorder.awaitType(EventType.REQUEST_SUBMITTED, id);
        assertThat(requests.findByIdempotencyKey(key)).get().extracting(LetterRequest::id).isEqualTo(id);
        assertThat(mongo.count(Query.query(Criteria.where("metadata.requestId").is(id)), "attachments.files"))
                .isEqualTo(2);
        // a later duplicate on the topic would be read by the time the next request's event is
        Response other = submit(validSubmission("Sri Lain"));
        recorder.awaitType(EventType.REQUEST_SUBMITTED, other.get("requestId").asText());
        assertThat(recorder.events(EventType.REQUEST_SUBMITTED, id)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndChangesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validSubmission("Sri Kunci");
        Response first = submit(body, "Idempotency-Key", key);
        long documents = requests.count();
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("data", Map.of("namaUsaha", "Toko Lain", "jenisUsaha", "Kelontong", "alamatUsaha", "Dusun Candi",
                "keperluan", "KUR"));

        Response reused = submit(changed, "Idempotency-Key", key);
        Response otherUser = submit(body, "Idempotency-Key", key, "X-DesaFlow-User", "orang-lain");

        assertThat(first.status()).isEqualTo(202);
        for (Response response : List.of(reused, otherUser)) {
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.get("type").asText()).endsWith("/idempotency-key-reused");
            assertThat(response.body()).doesNotContain(first.get("trackingCode").asText());
        }
        assertThat(requests.count()).isEqualTo(documents);
        assertThat(requests.findByIdempotencyKey(key).orElseThrow().id()).isEqualTo(first.get("requestId").asText());
    }

    @Test
    void aBadIdempotencyKeyIsRefused() {
        Response response = submit(validSubmission("Sri Spasi"), "Idempotency-Key", "a key with spaces");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void aSecondOpenRequestOfTheSameTypeIs409PointingToTheFirst() {
        String nik = nextNik();
        Response first = submit(validSubmission("Sri Pertama", nik));
        String code = first.get("trackingCode").asText();

        Response second = submit(validSubmission("Sri Kedua", nik), "X-DesaFlow-Channel", "COUNTER");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.get("existingTrackingCode").asText()).isEqualTo(code);
        assertThat(second.get("detail").asText()).contains(code, "Surat Keterangan Usaha");
        long documents = requests.count();

        // once the first is finished (here: cancelled) the resident may ask again
        assertThat(post("/api/v1/requests/" + code + "/cancellation", (String) null).status()).isEqualTo(202);
        Response third = submit(validSubmission("Sri Ketiga", nik));
        assertThat(third.status()).isEqualTo(202);
        assertThat(requests.count()).isEqualTo(documents + 1);
        assertThat(requests.findByTrackingCode(code).orElseThrow().openSlot()).isNull();
    }

    @Test
    void concurrentSubmissionsOfTheSameResidentLeaveExactlyOneRequestAndNoOrphanFiles() throws Exception {
        String nik = nextNik();
        List<Response> responses = concurrently(i -> submit(validSubmission("Sri Serentak " + (char) ('A' + i), nik)));

        List<Response> accepted = responses.stream().filter(r -> r.status() == 202).toList();
        assertThat(accepted).as(responses.toString()).hasSize(1);
        String code = accepted.get(0).get("trackingCode").asText();
        assertThat(responses).filteredOn(r -> r.status() != 202).hasSize(CONCURRENT - 1)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.get("existingTrackingCode").asText()).isEqualTo(code);
                });
        String slot = LetterRequest.openSlot(BEJI, SKU, nik);
        assertThat(requests.findAll()).filteredOn(r -> slot.equals(r.openSlot())).hasSize(1);
        // the losers' files were stored before their save failed: all deleted again
        List<String> owners = mongo.getCollection("attachments.files").find()
                .map(f -> f.get("metadata", Document.class).getString("requestId")).into(new ArrayList<>());
        assertThat(owners).isNotEmpty().allSatisfy(id -> assertThat(requests.existsById(id)).isTrue());
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validSubmission("Sri Ulang Serentak");

        List<Response> responses = concurrently(i -> submit(body, "Idempotency-Key", key));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(202));
        assertThat(responses.stream().map(r -> r.get("trackingCode").asText()).distinct()).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> requests.findByIdempotencyKey(key).isPresent());
        assertThat(requests.findAll()).filteredOn(r -> key.equals(r.idempotencyKey())).hasSize(1);
    }

    private List<Response> concurrently(java.util.function.IntFunction<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = IntStream.range(0, CONCURRENT).mapToObj(i -> pool.submit(
                    (Callable<Response>) () -> {
                        start.await();
                        return call.apply(i);
                    })).toList();
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
