package id.desaflow.approval;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.RequestVerified;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one Spring context of this module's tests (same annotations => cached and shared): the whole service on a
 * random port, an embedded KRaft broker, an in-memory H2 engine database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.datasource.url=jdbc:h2:mem:approval-service-test;DB_CLOSE_DELAY=-1",
        "desaflow.kafka.partitions=1",
        "desaflow.kafka.retries=2",
        "desaflow.kafka.backoff-initial=100ms",
        "desaflow.logging.format=",
        // the deadline watch runs only when a test calls it, at the clock the test sets
        "desaflow.deadlines.watch-initial-delay=P3650D",
        "desaflow.villages.3309010001.kepala-desa=Uji Coba",
        "desaflow.villages.3309010001.signer-position=Kepala Desa Uji",
        "desaflow.villages.3309010002.kepala-desa=Uji Dua",
        "desaflow.villages.3309010002.signer-position=Kepala Desa Uji Dua",
        "desaflow.villages.3309010003.signer-position=Kepala Desa Uji Tiga",
        "desaflow.villages.3309010003.sequence-scope=CLASSIFICATION"})
@EmbeddedKafka(kraft = true, partitions = 1)
public abstract class SpringServiceTest {
    public static final String VILLAGE = "3309012004";

    public static RequestVerified verified(String requestId, int revision, Map<String, String> data) {
        return verified(requestId, "surat-keterangan-usaha", revision, data);
    }

    public static RequestVerified verified(String requestId, String letterType, int revision,
            Map<String, String> data) {
        return new RequestVerified(requestId, "SKU-" + requestId.substring(0, 6).toUpperCase().replaceAll(
                "[^A-Z0-9]", "X"), letterType, VILLAGE, "Bulu", revision,
                new Applicant("3309014107900001", "Siti Aminah", "081234567890", "siti@example.id"), data,
                List.of(new CheckResult("nik-terdaftar", true, "NIK terdaftar di Desa Beji")), Instant.now());
    }
}
