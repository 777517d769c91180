package id.desaflow.approval.process;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Deadlines from configuration ({@code desaflow.deadlines.<key>=P2D}), used by the BPMN as
 * {@code ${deadlines.of('kasi-pelayanan')}} for task due dates and the revision timer: villages change them
 * without a release.
 */
@Component("deadlines")
public class Deadlines {
    private final Map<String, String> durations;

    @Autowired
    Deadlines(Environment environment) {
        this(Binder.get(environment).bind("desaflow.deadlines", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    Deadlines(Map<String, String> durations) {
        this.durations = Map.copyOf(durations);
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
}
