package id.desaflow.notification.official;

import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.ApprovalTaskDeadlineApproached;
import id.desaflow.contracts.events.ApprovalTaskEscalated;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.OfficialChanged;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Officials' side of the topics: the directory from the identity topic, and task events from the approval topic.
 * The approval topic is read in a consumer group of its own, so a resident's message waiting for contacts (retried
 * by the resident listener) never delays an official's task notification, and the other way round.
 */
@Component
class OfficialEventsListener {
    private static final Logger log = LoggerFactory.getLogger(OfficialEventsListener.class);

    private final OfficialDirectory directory;
    private final OfficialNotifier notifier;

    OfficialEventsListener(OfficialDirectory directory, OfficialNotifier notifier) {
        this.directory = directory;
        this.notifier = notifier;
    }

    @KafkaListener(topics = Topics.IDENTITY_OFFICIALS)
    void onIdentity(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.is(EventType.OFFICIAL_CHANGED)) {
            directory.apply(event.payload(OfficialChanged.class));
        } else {
            log.debug("Ignoring {} {}", event.type(), event.id());
        }
    }

    @KafkaListener(topics = Topics.APPROVAL, groupId = "${spring.application.name}-officials")
    void onApproval(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.knownType().isEmpty()) {
            return;
        }
        switch (event.knownType().get()) {
            case TASK_CREATED -> {
                ApprovalTaskCreated created = event.payload(ApprovalTaskCreated.class);
                notifier.newTask(event.id(), created.candidateGroup(), TaskFacts.of(created), created.createdAt());
            }
            case TASK_DEADLINE_APPROACHED -> {
                ApprovalTaskDeadlineApproached due = event.payload(ApprovalTaskDeadlineApproached.class);
                notifier.reminder(event.id(), due.candidateGroup(), TaskFacts.of(due), due.remindedAt());
            }
            case TASK_ESCALATED -> {
                ApprovalTaskEscalated escalated = event.payload(ApprovalTaskEscalated.class);
                notifier.escalation(event.id(), escalated.escalatedToGroup(), TaskFacts.of(escalated),
                        escalated.reassigned(), escalated.escalatedAt());
            }
            default -> log.debug("Ignoring {} {}: not for officials", event.type(), event.id());
        }
    }
}
