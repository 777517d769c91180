package id.desaflow.notification.inbox;

import id.desaflow.notification.CurrentActor;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * The portal's notification inbox: only the signed-in person's own messages (officials by user id, residents by
 * the key derived from the NIK in their token). Nobody names whose inbox to read; another person's message is
 * "not found".
 */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Kotak masuk", description = "Notifikasi di portal untuk warga dan petugas")
class InboxController {
    private static final int NEWEST = 100;

    private final InboxItems inbox;
    private final CurrentActor actor;
    private final Clock clock;

    InboxController(InboxItems inbox, CurrentActor actor, Clock clock) {
        this.inbox = inbox;
        this.actor = actor;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Notifikasi saya di portal", description = "Terbaru dulu, paling banyak 100.")
    List<InboxEntry> list() {
        return inbox.findByRecipientKeyOrderByAtDesc(actor.ownKey(), PageRequest.of(0, NEWEST)).stream()
                .map(InboxEntry::of).toList();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Tandai sudah dibaca")
    InboxEntry read(@PathVariable String id) {
        String own = actor.ownKey();
        InboxItem item = inbox.findById(id).filter(i -> own.equals(i.recipientKey()))
                .orElseThrow(() -> ProblemException.notFound("Notifikasi " + id));
        item.read(clock.instant());
        inbox.save(item);
        return InboxEntry.of(item);
    }
}
