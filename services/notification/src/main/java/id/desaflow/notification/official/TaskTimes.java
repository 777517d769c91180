package id.desaflow.notification.official;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The village's local time: due dates as officials read them, and the daily digest's hour. Desa Beji is in WIB
 * (Asia/Jakarta); villages in WITA / WIT set {@code desaflow.notification.zone}.
 */
@Component
class TaskTimes {
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    private final ZoneId zone;
    private final LocalTime digestAt;

    TaskTimes(@Value("${desaflow.notification.zone:Asia/Jakarta}") ZoneId zone,
            @Value("${desaflow.notification.digest.time:07:00}") LocalTime digestAt) {
        this.zone = zone;
        this.digestAt = digestAt;
    }

    /** {@code 24 November 2026 10.00 WIB}; {@code -} when the task has no due date. */
    String dueDate(Instant due, String language) {
        if (due == null) {
            return "-";
        }
        ZonedDateTime local = due.atZone(zone);
        String zoneName = local.format(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH));
        return "en".equals(language)
                ? local.format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH)) + " " + zoneName
                : local.format(DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", INDONESIAN)) + " " + zoneName;
    }

    String date(LocalDate date, String language) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", "en".equals(language) ? Locale.ENGLISH
                : INDONESIAN));
    }

    /** The digest that will carry something that happened at {@code at}: today's if before the digest hour. */
    LocalDate digestFor(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalTime().isBefore(digestAt) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    }

    /** The latest digest date that is due at {@code clock}'s now (today's once the hour has passed). */
    LocalDate lastDueDigest(Clock clock) {
        ZonedDateTime now = clock.instant().atZone(zone);
        return now.toLocalTime().isBefore(digestAt) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
    }
}
