package id.desaflow.notification.official;

import id.desaflow.contracts.events.EventType;
import id.desaflow.notification.PublicLinks;
import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.message.Messenger;
import id.desaflow.notification.preference.PreferenceBook;
import id.desaflow.notification.template.LetterTypeNames;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tells the officials of a task's candidate group about new tasks and reminders (at once, or in their daily digest
 * if they chose it) and the superior group about escalations (always at once: the task is late).
 */
@Service
class OfficialNotifier {
    private static final Logger log = LoggerFactory.getLogger(OfficialNotifier.class);
    static final String NONE = "-";

    private final OfficialDirectory directory;
    private final PreferenceBook preferences;
    private final Messenger messenger;
    private final DigestItems digest;
    private final LetterTypeNames letterTypes;
    private final TaskTimes times;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String inboxLink;
    private final Duration maxAge;

    OfficialNotifier(OfficialDirectory directory, PreferenceBook preferences, Messenger messenger,
            DigestItems digest, LetterTypeNames letterTypes, TaskTimes times, Clock clock, MeterRegistry meters,
            PublicLinks links, @Value("${desaflow.notification.officials.max-event-age:2d}") Duration maxAge) {
        this.directory = directory;
        this.preferences = preferences;
        this.messenger = messenger;
        this.digest = digest;
        this.letterTypes = letterTypes;
        this.times = times;
        this.clock = clock;
        this.meters = meters;
        this.inboxLink = links.to("/petugas");
        this.maxAge = maxAge;
    }

    void newTask(String eventId, String candidateGroup, TaskFacts task, Instant happenedAt) {
        if (isNews(eventId, happenedAt)) {
            tell(eventId, candidateGroup, task, EventType.TASK_CREATED, DigestItem.Kind.NEW, null, null);
        }
    }

    void reminder(String eventId, String candidateGroup, TaskFacts task, Instant happenedAt) {
        if (isNews(eventId, happenedAt)) {
            tell(eventId, candidateGroup, task, EventType.TASK_DEADLINE_APPROACHED, DigestItem.Kind.REMINDER, null,
                    null);
        }
    }

    /**
     * The superior group hears at once (the task is late), even a digest reader, and the task is also listed as
     * overdue in their next digest. When the task was moved up, the message is the new group's "tugas baru".
     */
    void escalation(String eventId, String escalatedToGroup, TaskFacts task, boolean reassigned,
            Instant happenedAt) {
        if (!isNews(eventId, happenedAt)) {
            return;
        }
        if (reassigned) {
            tell(eventId, escalatedToGroup, task, EventType.TASK_CREATED, null, null, null);
        } else {
            tell(eventId, escalatedToGroup, task, EventType.TASK_ESCALATED, null,
                    "Mohon bantu agar tugas ini segera diselesaikan oleh petugas yang bertanggung jawab.",
                    "Please help the official in charge to complete it soon.");
        }
        directory.membersOf(escalatedToGroup).stream().filter(o -> preferences.of(o.userId()).digest())
                .forEach(o -> keepForDigest(eventId, o, DigestItem.Kind.OVERDUE, task));
    }

    /**
     * The officials' consumer group reads the approval topic from its beginning when it first starts (a new
     * deployment, a reset offset): a task event that old is history, not news, and nobody is paged about it.
     */
    private boolean isNews(String eventId, Instant happenedAt) {
        if (happenedAt != null && happenedAt.isBefore(clock.instant().minus(maxAge))) {
            log.info("Task event {} of {} is older than {}: not told", eventId, happenedAt, maxAge);
            return false;
        }
        return true;
    }

    /** @param digestAs null: never in a digest (escalations) */
    private void tell(String eventId, String group, TaskFacts task, EventType about, DigestItem.Kind digestAs,
            String reasonId, String reasonEn) {
        List<Official> members = directory.membersOf(group);
        if (members.isEmpty()) {
            meters.counter("desaflow.notification.officials.none", "about", about.name()).increment();
            log.warn("No active official in {} to tell about {} of task {}", group, about.type(), task.taskId());
            return;
        }
        for (Official official : members) {
            if (digestAs != null && preferences.of(official.userId()).digest()) {
                keepForDigest(eventId, official, digestAs, task);
                continue;
            }
            messenger.send(official.addressee(), eventId, about.type(), task.requestId(),
                    language -> variables(official, task, "en".equals(language) ? reasonEn : reasonId, language));
        }
    }

    private void keepForDigest(String eventId, Official official, DigestItem.Kind kind, TaskFacts task) {
        var now = clock.instant();
        try {
            digest.insert(new DigestItem(eventId, official.userId(), kind, task, now, times.digestFor(now)));
        } catch (DuplicateKeyException e) {
            log.debug("Event {} is already in the digest of {}", eventId, official.userId());
        }
    }

    private Map<String, String> variables(Official official, TaskFacts task, String reason, String language) {
        Map<String, String> variables = new HashMap<>();
        variables.put("name", Objects.requireNonNullElse(official.name(), NONE));
        variables.put("taskName", Objects.requireNonNullElse(task.taskName(), NONE));
        variables.put("letterType", letterTypes.displayName(task.villageCode(), task.letterType(), language));
        variables.put("trackingCode", Objects.requireNonNullElse(task.trackingCode(), NONE));
        variables.put("dueDate", times.dueDate(task.dueAt(), language));
        variables.put("link", inboxLink);
        variables.put("reason", reason == null ? NONE : reason);
        return variables;
    }

    String inboxLink() {
        return inboxLink;
    }
}
