package id.desaflow.portal.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Shows the services' ISO-8601 instants in village time (WIB), e.g. "3 Agu 2025 09.15 WIB"; used as {@code @waktu}. */
@Component("waktu")
public class TimeFormat {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    public String format(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            Instant instant = iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(iso).toInstant() : Instant.parse(iso + "Z");
            return DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", LocaleContextHolder.getLocale())
                    .format(instant.atZone(WIB)) + " WIB";
        } catch (DateTimeParseException notATimestamp) {
            return iso; // e.g. a plain date: show as given rather than fail the page
        }
    }
}
