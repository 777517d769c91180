package id.desaflow.intake.request;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingCodesTest {

    @Test
    void prefixThenSixUnambiguousCharacters() {
        TrackingCodes codes = new TrackingCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.next("SKU");
            assertThat(code).matches("SKU-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}")
                    .matches("^[A-Z0-9-]{6,20}$"); // the event schemas' pattern
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(1990);
    }

    @Test
    void alphabetLeavesOutLookAlikes() {
        assertThat(TrackingCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L").hasSize(31);
    }

    @Test
    void sameRandomSameCode() {
        assertThat(new TrackingCodes(new Random(7)).next("SKD")).isEqualTo(new TrackingCodes(new Random(7)).next("SKD"));
    }
}
