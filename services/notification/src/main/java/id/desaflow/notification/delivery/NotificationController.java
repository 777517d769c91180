package id.desaflow.notification.delivery;

import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The notification log for administrators (authorisation comes with the identity service). */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifikasi", description = "Log pesan ke warga dan pengiriman ulang")
class NotificationController {
    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);
    private static final int MAX_REQUEST_ID_LENGTH = 64;

    private final Notifications notifications;
    private final CurrentActor actor;
    private final Clock clock;

    NotificationController(Notifications notifications, CurrentActor actor, Clock clock) {
        this.notifications = notifications;
        this.actor = actor;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Log notifikasi satu permohonan",
            description = "Semua pesan tentang satu permohonan, terlama dulu; alamat penerima disamarkan.")
    List<NotificationView> log(@Parameter(description = "id permohonan") @RequestParam(required = false)
            String requestId) {
        if (requestId == null || requestId.isBlank()) {
            throw new InvalidInputException("requestId", "Wajib diisi");
        }
        if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
            throw new InvalidInputException("requestId", "Maksimal " + MAX_REQUEST_ID_LENGTH + " karakter");
        }
        return notifications.findByRequestIdOrderByCreatedAtAsc(requestId).stream().map(NotificationView::of)
                .toList();
    }

    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Kirim ulang notifikasi yang gagal",
            description = "Mengantrekan kembali pesan berstatus TEMPORARY_FAILURE atau PERMANENT_FAILURE.")
    NotificationView resend(@PathVariable String id) {
        Notification notification = notifications.findById(id)
                .orElseThrow(() -> ProblemException.notFound("Notifikasi " + id));
        try {
            notification.resend(actor.name(), clock.instant());
            notifications.save(notification);
        } catch (NotificationStateException e) {
            throw ProblemException.conflict("notification-not-failed", e.getMessage(),
                    Map.of("status", notification.status().name()));
        } catch (OptimisticLockingFailureException e) {
            throw ProblemException.conflict("notification-changed",
                    "Notifikasi sedang diproses; muat ulang lalu coba lagi.", Map.of());
        }
        log.info("Notification {} re-queued by {}", id, actor.name());
        return NotificationView.of(notification);
    }
}
