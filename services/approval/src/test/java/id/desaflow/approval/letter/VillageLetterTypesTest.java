package id.desaflow.approval.letter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.approval.SpringServiceTest;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A village's own version of a letter type (intake's LetterTypeChanged on desaflow.intake) numbers and words the
 * letters of that village only, and a letter keeps the wording it was signed with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VillageLetterTypesTest extends SpringServiceTest {
    private static final String SKU = "surat-keterangan-usaha";
    private static final String OTHER_VILLAGE = "3309010001";
    private static final String APPLICANT_NIK = "3309014107900001";

    @Autowired
    EventPublisher publisher;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    VillageLetterTypes letterTypes;

    EventRecorder approvalEvents;

    @BeforeAll
    void recorder() {
        PdfText.assumeInstalled();
        approvalEvents = new EventRecorder(broker.getBrokersAsString(), Topics.APPROVAL);
    }

    /** Other classes of this shared context expect Beji's shipped SKU (number 500/..., its label). */
    @AfterAll
    void shippedAgain() {
        jdbc.update("DELETE FROM village_letter_type WHERE village_code = ?", VILLAGE);
        letterTypes.forget();
        if (approvalEvents != null) {
            approvalEvents.poll();
            assertThat(approvalEvents.contractViolations()).isEmpty();
            approvalEvents.close();
        }
    }

    @Test
    void theVillagesLatestVersionNumbersAndWordsItsLettersWhileIssuedLettersKeepTheirText() throws Exception {
        OutboxMessage second = changed(2, "510", "Surat Keterangan Usaha Mikro",
                "Orang tersebut benar memiliki usaha mikro \"{namaUsaha}\" dengan modal {modalUsaha} sejak tahun "
                        + "{mulaiUsaha}.");
        publisher.publish(second);
        publisher.publish(second); // redelivered: the same CloudEvent id
        OutboxMessage older = changed(1, "520", "Surat Usaha Lama", "Teks lama {namaUsaha}.");
        publisher.publish(older);
        // one partition: once the older one is handled, so are both deliveries before it
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(older.eventId()));
        assertThat(jdbc.queryForList("SELECT version FROM village_letter_type WHERE village_code = ? AND "
                + "letter_type = ?", Integer.class, VILLAGE, SKU)).containsExactly(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                second.eventId())).isEqualTo(1);

        String beji = UUID.randomUUID().toString();
        RequestVerified request = verified(beji, 0, Map.of("namaUsaha", "Warung Bu Siti", "jenisUsaha", "Warung",
                "modalUsaha", "Rp 5.000.000"));
        LetterIssued first = approveUntilIssued(request, true);
        assertThat(first.letterNumber()).startsWith("510/");
        String firstText = pdf(request.trackingCode());
        assertThat(firstText).contains("SURAT KETERANGAN USAHA MIKRO", "Nomor: " + first.letterNumber(),
                "Modal Usaha : Rp 5.000.000")
                .doesNotContain("Teks lama");
        assertThat(oneLine(firstText)).contains("benar memiliki usaha mikro \"Warung Bu Siti\" dengan modal "
                + "Rp 5.000.000 sejak tahun -.");
        JsonNode publicPage = new ObjectMapper().readTree(http.getForEntity("/api/v1/public/letters/"
                + verificationCode(first.letterNumber()), String.class).getBody());
        assertThat(publicPage.path("letterLabel").asText()).isEqualTo("Surat Keterangan Usaha Mikro");

        String elsewhere = UUID.randomUUID().toString();
        RequestVerified plain = verified(elsewhere, 0, Map.of("namaUsaha", "Toko Uji", "modalUsaha", "Rp 1"));
        RequestVerified other = new RequestVerified(elsewhere, plain.trackingCode(), SKU, OTHER_VILLAGE, "Uji", 0,
                plain.applicant(), plain.data(), plain.checks(), plain.verifiedAt(), RequestVerified.VERIFIED);
        LetterIssued shipped = approveUntilIssued(other, false);
        assertThat(shipped.letterNumber()).startsWith("500/");
        String shippedText = pdf(other.trackingCode());
        assertThat(shippedText).contains("SURAT KETERANGAN USAHA").doesNotContain("MIKRO").doesNotContain("Modal");
        assertThat(oneLine(shippedText)).contains("benar mempunyai usaha");

        OutboxMessage third = changed(3, "511", "Surat Keterangan Usaha Mikro",
                "Usaha \"{namaUsaha}\" terdaftar di desa {desa} menurut versi ketiga.");
        publisher.publish(third);
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(third.eventId()));

        // the letter signed under version 2 still says what it said then
        assertThat(pdf(request.trackingCode())).isEqualTo(firstText);
        String later = UUID.randomUUID().toString();
        RequestVerified next = verified(later, 0, Map.of("namaUsaha", "Bengkel Pak Budi"));
        assertThat(approveUntilIssued(next, false).letterNumber()).startsWith("511/");
        assertThat(oneLine(pdf(next.trackingCode()))).contains("Usaha \"Bengkel Pak Budi\" terdaftar di desa Beji "
                + "menurut versi ketiga.");
    }

    private OutboxMessage changed(int version, String classification, String label, String statement) {
        var change = new LetterTypeChanged(VILLAGE, SKU, version, label, "Micro Business Certificate",
                classification, true, List.of(new LetterTypeChanged.Field("namaUsaha", "Nama usaha", "Business name"),
                        new LetterTypeChanged.Field("jenisUsaha", "Jenis usaha", "Type of business"),
                        new LetterTypeChanged.Field("modalUsaha", "Modal Usaha", "Capital"),
                        new LetterTypeChanged.Field("mulaiUsaha", "Tahun mulai usaha", "Year started")),
                List.of(new LetterTypeChanged.Document("ktp", "KTP pemohon", true)),
                label.toUpperCase(java.util.Locale.ROOT), statement, "admin.beji", Instant.now());
        return OutboxMessage.of(change.key(), change);
    }

    private boolean handled(String eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                eventId) > 0;
    }

    /** The village's officials approve each step; the inbox names the letter type as the village does. */
    private LetterIssued approveUntilIssued(RequestVerified request, boolean checkInboxLabel) throws Exception {
        publisher.publish(OutboxMessage.of(request.requestId(), request));
        for (String role : List.of("kasi-pelayanan", "sekdes", "kades")) {
            ApprovalTaskCreated task = approvalEvents.await(e -> e.type().equals(EventType.TASK_CREATED.type())
                    && request.requestId().equals(e.subject())
                    && role.equals(e.payload(ApprovalTaskCreated.class).role())).payload(ApprovalTaskCreated.class);
            if (checkInboxLabel) {
                JsonNode detail = new ObjectMapper().readTree(as(HttpMethod.GET, "/api/v1/tasks/" + task.taskId(),
                        task.candidateGroup(), null, String.class).getBody());
                assertThat(detail.path("task").path("letterLabel").asText()).isEqualTo("Surat Keterangan Usaha Mikro");
            }
            assertThat(as(HttpMethod.POST, "/api/v1/tasks/" + task.taskId() + "/complete", task.candidateGroup(),
                    Map.of("decision", "APPROVE"), String.class).getStatusCode().value()).isEqualTo(200);
        }
        return approvalEvents.awaitType(EventType.LETTER_ISSUED, request.requestId()).payload(LetterIssued.class);
    }

    private String pdf(String trackingCode) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-DesaFlow-User", "nik:" + APPLICANT_NIK);
        ResponseEntity<byte[]> pdf = http.exchange("/api/v1/letters/" + trackingCode + "/pdf", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        return PdfText.of(pdf.getBody());
    }

    /** The statement is justified over several lines; a reader reads it as one sentence. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private String verificationCode(String letterNumber) {
        return jdbc.queryForObject("SELECT verification_code FROM issued_letter WHERE letter_number = ?",
                String.class, letterNumber);
    }

    private <T> ResponseEntity<T> as(HttpMethod method, String path, String groups, Object body, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-DesaFlow-User", "petugas");
        headers.set("X-DesaFlow-Groups", groups);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), type);
    }
}
