package id.desaflow.notification.template;

import id.desaflow.contracts.events.EventType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which messages exist (one per event type, plus the officials' daily digest) and which variables each may use.
 * An administrator's template may use only these: the senders always fill every one of them.
 */
public final class TemplateCatalogue {
    /** The officials' daily digest is not an event of its own; it has a type for its templates and the log. */
    public static final String DIGEST = "desaflow.notification.digest.v1";

    static final List<String> RESIDENT_VARIABLES = List.of("name", "letterType", "trackingCode", "status", "link",
            "reason", "letterNumber");
    static final List<String> OFFICIAL_VARIABLES = List.of("name", "taskName", "letterType", "trackingCode",
            "dueDate", "link", "reason");
    static final List<String> DIGEST_VARIABLES = List.of("name", "count", "tasks", "date", "link");
    static final List<String> CODE_VARIABLES = List.of("code", "minutes");

    private static final Map<String, List<String>> VARIABLES = new LinkedHashMap<>();

    static {
        for (EventType resident : List.of(EventType.REQUEST_SUBMITTED, EventType.REQUEST_VERIFIED,
                EventType.VERIFICATION_FAILED, EventType.RETURNED_FOR_REVISION, EventType.VERIFICATION_POSTPONED,
                EventType.REVISION_REQUESTED, EventType.REQUEST_REJECTED, EventType.LETTER_ISSUED,
                EventType.REQUEST_CANCELLED, EventType.LETTER_REVOKED)) {
            VARIABLES.put(resident.type(), RESIDENT_VARIABLES);
        }
        for (EventType official : List.of(EventType.TASK_CREATED, EventType.TASK_DEADLINE_APPROACHED,
                EventType.TASK_ESCALATED)) {
            VARIABLES.put(official.type(), OFFICIAL_VARIABLES);
        }
        VARIABLES.put(DIGEST, DIGEST_VARIABLES);
        VARIABLES.put(EventType.ONE_TIME_CODE_REQUESTED.type(), CODE_VARIABLES);
    }

    public static Set<String> messageTypes() {
        return Collections.unmodifiableSet(VARIABLES.keySet());
    }

    public static boolean isKnown(String messageType) {
        return VARIABLES.containsKey(messageType);
    }

    public static List<String> variables(String messageType) {
        List<String> variables = VARIABLES.get(messageType);
        if (variables == null) {
            throw new IllegalArgumentException("No templates for " + messageType);
        }
        return variables;
    }

    private TemplateCatalogue() {
    }
}
