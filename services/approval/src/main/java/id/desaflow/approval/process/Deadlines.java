package id.desaflow.approval.process;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Deadlines from configuration, so villages change them without a release. {@code desaflow.deadlines.<role>=P2D}
 * is a user task's time in WORKING days ({@code ${deadlines.due('sekdes')}} in the BPMN: weekends and
 * {@code desaflow.calendar.holidays} skipped); other keys (the resident's revision window {@code perbaikan}) are
 * calendar durations ({@code ${deadlines.of('perbaikan')}}).
 */
@Component("deadlines")
public class Deadlines {
    private final Map<String, String> durations;
    private final WorkingCalendar calendar;

    @Autowired
    Deadlines(Environment environment) {
        this(Binder.get(environment).bind("desaflow.deadlines", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()), new WorkingCalendar(ZoneId.of(environment.getProperty(
                "desaflow.letters.zone", "Asia/Jakarta")), Binder.get(environment).bind("desaflow.calendar.holidays",
                Bindable.listOf(LocalDate.class)).orElse(List.of())));
    }

    /** Weekends only, no holidays (tests). */
    public Deadlines(Map<String, String> durations) {
        this(durations, new WorkingCalendar(ZoneId.of("Asia/Jakarta"), List.of()));
    }

    public Deadlines(Map<String, String> durations, WorkingCalendar calendar) {
        this.durations = Map.copyOf(durations);
        this.calendar = calendar;
    }

    /** The ISO-8601 duration for {@code key}; the engine adds it to its clock. */
    public String of(String key) {
        String duration = durations.get(key);
        if (duration == null || !duration.startsWith("P")) {
            throw new IllegalStateException("Deadline desaflow.deadlines." + key + " missing or not ISO-8601: "
                    + duration);
        }
        return duration;
    }

    /** The most working days a step may give itself in the diagram. */
    public static final int MAX_STEP_DAYS = 30;

    /** A user task's due date: {@code desaflow.deadlines.<role>} working days from the engine's now. */
    public Date due(String role) {
        return workingDaysFromNow(Period.parse(of(role)).getDays());
    }

    /**
     * A step's own deadline, set in the diagram ({@code ${deadlines.due('kadus', 3)}}): the administrator redesigning
     * a chain may give one step more or fewer working days than its role's setting. The role stays in the expression
     * so the step still says whose it is.
     */
    public Date due(String role, long workingDays) {
        if (workingDays < 1 || workingDays > MAX_STEP_DAYS) {
            throw new IllegalArgumentException("A step's deadline must be 1.." + MAX_STEP_DAYS + " working days, not "
                    + workingDays + " (" + role + ")");
        }
        return workingDaysFromNow((int) workingDays);
    }

    /** The step's 1..30 check is for diagrams; a village's role setting is taken as configured. */
    private Date workingDaysFromNow(int workingDays) {
        return Date.from(calendar.plusWorkingDays(ClockUtil.getCurrentTime().toInstant(), workingDays));
    }

    /** A calendar duration setting of the deadline watch, e.g. {@code reminder-before}. */
    Duration duration(String key, Duration fallback) {
        String value = durations.get(key);
        return value == null ? fallback : Duration.parse(value);
    }
}
