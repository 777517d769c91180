package id.desaflow.notification.official;

import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.message.Messenger;
import id.desaflow.notification.preference.Preference;
import id.desaflow.notification.preference.PreferenceBook;
import id.desaflow.notification.template.LetterTypeNames;
import id.desaflow.notification.template.TemplateCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sends each official who chose it one message a day with the tasks that arrived since the last one, at the
 * digest hour ({@code desaflow.notification.digest.time}, village time). Checked every few minutes, so a service
 * that was down at the hour catches up. A digest's message id is (day, official, channel): a check that runs twice,
 * or a crash between sending and marking the items, sends nothing twice.
 */
@Component
class DailyDigest {
    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final PreferenceBook preferences;
    private final OfficialDirectory directory;
    private final DigestItems items;
    private final MongoTemplate mongo;
    private final Messenger messenger;
    private final LetterTypeNames letterTypes;
    private final TaskTimes times;
    private final OfficialNotifier notifier;
    private final Clock clock;

    DailyDigest(PreferenceBook preferences, OfficialDirectory directory, DigestItems items, MongoTemplate mongo,
            Messenger messenger, LetterTypeNames letterTypes, TaskTimes times, OfficialNotifier notifier,
            Clock clock) {
        this.preferences = preferences;
        this.directory = directory;
        this.items = items;
        this.mongo = mongo;
        this.messenger = messenger;
        this.letterTypes = letterTypes;
        this.times = times;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${desaflow.notification.digest.check-interval:5m}",
            initialDelayString = "${desaflow.notification.digest.check-interval:5m}")
    void sendDue() {
        LocalDate due = times.lastDueDigest(clock);
        for (Preference subscriber : preferences.digestSubscribers()) {
            directory.find(subscriber.recipientKey()).filter(Official::active).ifPresent(o -> sendDue(o, due));
        }
    }

    private void sendDue(Official official, LocalDate due) {
        List<DigestItem> waiting = items.findByUserIdAndSentFalseAndDigestDateLessThanEqualOrderByDueAtAsc(
                official.userId(), due);
        // one digest per day that is due; normally just today's, more after the service was down for days
        Map<LocalDate, List<DigestItem>> byDay = waiting.stream().collect(Collectors.groupingBy(
                DigestItem::digestDate, TreeMap::new, Collectors.toList()));
        byDay.forEach((day, tasks) -> {
            messenger.send(official.addressee(), digestId(day, tasks), TemplateCatalogue.DIGEST, null,
                    language -> variables(official, day, tasks, language));
            mongo.updateMulti(Query.query(Criteria.where("_id").in(tasks.stream().map(DigestItem::id).toList())),
                    Update.update("sent", true), DigestItem.class);
            log.info("Daily digest of {} for {}: {} task(s)", official.userId(), day, tasks.size());
        });
    }

    /**
     * The same tasks give the same id (a crash between sending and marking them sends nothing twice); a task that
     * joins a day whose digest already went (it arrived right at the hour) gives a new one, so it is not lost.
     */
    static String digestId(LocalDate day, List<DigestItem> tasks) {
        String ids = tasks.stream().map(DigestItem::id).sorted().collect(Collectors.joining(","));
        return "digest:" + day + ":" + Integer.toHexString(ids.hashCode());
    }

    private Map<String, String> variables(Official official, LocalDate day, List<DigestItem> tasks,
            String language) {
        Map<String, String> variables = new HashMap<>();
        variables.put("name", official.name() == null ? "-" : official.name());
        variables.put("date", times.date(day, language));
        variables.put("count", String.valueOf(tasks.size()));
        variables.put("tasks", tasks.stream().map(t -> line(t, language)).collect(Collectors.joining("\n")));
        variables.put("link", notifier.inboxLink());
        return variables;
    }

    private String line(DigestItem task, String language) {
        boolean en = "en".equals(language);
        // a task already past its due date when the digest goes out is listed as overdue, whatever brought it
        boolean overdue = task.kind() == DigestItem.Kind.OVERDUE
                || task.dueAt() != null && task.dueAt().isBefore(clock.instant());
        String kind = overdue ? (en ? "Overdue" : "Terlambat") : task.kind() == DigestItem.Kind.NEW
                ? (en ? "New" : "Baru") : (en ? "Reminder" : "Pengingat");
        return "- [" + kind + "] " + task.taskName() + " - " + letterTypes.displayName(task.villageCode(), task.letterType(),
                language)
                + (task.trackingCode() == null ? "" : " " + task.trackingCode()) + " (" + (en ? "due " : "batas ")
                + times.dueDate(task.dueAt(), language) + ")";
    }
}
