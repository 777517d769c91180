package id.desaflow.notification.official;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TaskTimesTest {
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private final TaskTimes times = new TaskTimes(WIB, LocalTime.of(7, 0));

    @Test
    void dueDatesAreWrittenInVillageTimeInTheRecipientsLanguage() {
        Instant due = Instant.parse("2026-11-24T03:00:00Z");
        assertThat(times.dueDate(due, "id")).isEqualTo("24 November 2026 10.00 WIB");
        assertThat(times.dueDate(due, "en")).isEqualTo("24 November 2026, 10:00 WIB");
        assertThat(times.dueDate(null, "id")).isEqualTo("-");
        assertThat(new TaskTimes(ZoneId.of("Asia/Makassar"), LocalTime.of(7, 0)).dueDate(due, "id"))
                .isEqualTo("24 November 2026 11.00 WITA");
        assertThat(times.date(LocalDate.of(2026, 8, 17), "id")).isEqualTo("17 Agustus 2026");
    }

    @Test
    void aTaskGoesIntoTheNextDigestAndTheDigestIsDueFromItsHour() {
        assertThat(times.digestFor(Instant.parse("2026-11-23T23:59:00Z"))).as("06:59 WIB on the 24th")
                .isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(times.digestFor(Instant.parse("2026-11-24T00:00:00Z"))).as("07:00 WIB: tomorrow's")
                .isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(times.lastDueDigest(Clock.fixed(Instant.parse("2026-11-23T23:59:00Z"), WIB)))
                .isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(times.lastDueDigest(Clock.fixed(Instant.parse("2026-11-24T00:01:00Z"), WIB)))
                .isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void candidateGroupsNameAVillageARoleAndPerhapsADusun() {
        assertThat(CandidateGroup.parse("desa:3309012004:sekdes"))
                .contains(new CandidateGroup("3309012004", "sekdes", null));
        assertThat(CandidateGroup.parse("desa:3309012004:kadus:bandung-kidul"))
                .contains(new CandidateGroup("3309012004", "kadus", "bandung-kidul"));
        assertThat(CandidateGroup.parse("kecamatan:3309:camat")).isEmpty();
        assertThat(Official.slug(" Bandung  Kidul ")).isEqualTo("bandung-kidul");
    }
}
