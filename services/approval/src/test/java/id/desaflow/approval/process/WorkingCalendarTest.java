package id.desaflow.approval.process;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private final WorkingCalendar calendar = new WorkingCalendar(WIB, List.of(LocalDate.parse("2026-12-25"),
            LocalDate.parse("2027-01-01")));

    @Test
    void fromFridayTwoWorkingDaysIsTuesday() {
        Instant friday = Instant.parse("2026-11-27T02:00:00Z"); // 09:00 WIB
        assertThat(calendar.plusWorkingDays(friday, 2)).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void aTaskArrivingOnSaturdayCountsFromMonday() {
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-11-28T03:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-11-30T03:00:00Z"));
    }

    @Test
    void holidaysAreSkippedAcrossTheYearEnd() {
        // Thu 24 Dec + 3 working days: Fri 25 (Christmas) and the weekend skipped -> Mon 28, Tue 29, Wed 30
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-12-24T02:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-12-30T02:00:00Z"));
        // Wed 30 Dec + 2: Thu 31, (Fri 1 Jan holiday, weekend) Mon 4 Jan 2027
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-12-30T02:00:00Z"), 2))
                .isEqualTo(Instant.parse("2027-01-04T02:00:00Z"));
    }

    @Test
    void theLocalDateDecidesNotTheUtcDate() {
        // Friday 23:30 WIB is still Friday in Jakarta although it is Friday 16:30 UTC; Sunday 06:00 WIB is
        // Saturday 23:00 UTC: both count from the Jakarta date
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-11-27T16:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-11-30T16:30:00Z"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-29"))).isFalse();
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-11-28T23:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
    }
}
