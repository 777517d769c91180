package id.desaflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A fresh data directory is formatted with a new cluster id; one the storage tool misreads fails the start. */
class KafkaClusterIdTest {

    @Test
    void clusterIdsAreSixteenBytesAndNeverReadAsAnOption() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String id = LocalStack.clusterId();
            assertThat(id).hasSize(22).doesNotStartWith("-");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
            seen.add(id);
        }
        assertThat(seen).hasSize(5_000);
    }
}
