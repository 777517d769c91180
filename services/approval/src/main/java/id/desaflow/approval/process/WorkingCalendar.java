package id.desaflow.approval.process;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * The village office's working days: Monday to Friday, minus the public holidays the kabupaten lists
 * ({@code desaflow.calendar.holidays}). A task due in two working days from Friday is due on Tuesday.
 */
public final class WorkingCalendar {
    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    /** The same time of day, {@code days} working days later (0 = now). */
    public Instant plusWorkingDays(Instant from, int days) {
        ZonedDateTime at = from.atZone(zone);
        for (int left = days; left > 0; ) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                left--;
            }
        }
        return at.toInstant();
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
