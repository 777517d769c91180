package id.desaflow.notification.inbox;

import id.desaflow.notification.PublicLinks;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * The portal's notification inbox. Until identity is wired the portal names the person ({@code recipient}: the
 * official's user id, or the resident key the notification service derives from the NIK); the identity service's
 * token will say who asks.
 */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Kotak masuk", description = "Notifikasi di portal untuk warga dan petugas")
class InboxController {
    private static final int NEWEST = 100;

    private final InboxItems inbox;
    private final Clock clock;

    InboxController(InboxItems inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Notifikasi di portal", description = "Terbaru dulu, paling banyak 100.")
    List<InboxEntry> list(@Parameter(description = "id petugas atau kunci warga (warga-...)")
            @RequestParam(required = false) String recipient) {
        if (!PublicLinks.isRecipientKey(recipient)) {
            throw new InvalidInputException("recipient", "Wajib diisi: 1-64 huruf, angka atau . _ : @ -");
        }
        return inbox.findByRecipientKeyOrderByAtDesc(recipient, PageRequest.of(0, NEWEST)).stream()
                .map(InboxEntry::of).toList();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Tandai sudah dibaca")
    InboxEntry read(@PathVariable String id) {
        InboxItem item = inbox.findById(id).orElseThrow(() -> ProblemException.notFound("Notifikasi " + id));
        item.read(clock.instant());
        inbox.save(item);
        return InboxEntry.of(item);
    }
}
