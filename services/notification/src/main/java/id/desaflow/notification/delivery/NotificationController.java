package id.desaflow.notification.delivery;

import id.desaflow.notification.CurrentActor;
import id.desaflow.notification.PublicLinks;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The notification log: administrators see their village's messages (admin-kecamatan: its villages', and the
 * account messages that belong to no village) and resend failures; a village's operators may read its log. A message
 * of a village one does not administer is "not found", so its existence does not leak.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifikasi", description = "Log pesan, kegagalan dan pengiriman ulang")
class NotificationController {
    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);
    private static final int MAX_ID_LENGTH = 64;
    private static final int MAX_PAGE_SIZE = 200;

    private final Notifications notifications;
    private final MongoTemplate mongo;
    private final CurrentActor actor;
    private final Clock clock;

    NotificationController(Notifications notifications, MongoTemplate mongo, CurrentActor actor, Clock clock) {
        this.notifications = notifications;
        this.mongo = mongo;
        this.actor = actor;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Log notifikasi",
            description = "Pesan yang cocok dengan semua filter. Dengan requestId: terlama dulu (urutan linimasa); "
                    + "tanpa requestId: terbaru dulu, per halaman. Alamat penerima disamarkan.")
    List<NotificationView> log(
            @Parameter(description = "id permohonan") @RequestParam(required = false) String requestId,
            @Parameter(description = "PENDING, SENDING, DELIVERED, TEMPORARY_FAILURE, PERMANENT_FAILURE, "
                    + "TECHNICAL_FAILURE, atau FAILED (ketiga jenis gagal)") @RequestParam(required = false)
            String status,
            @Parameter(description = "EMAIL, SMS, WHATSAPP, IN_APP") @RequestParam(required = false) String channel,
            @Parameter(description = "kunci penerima (warga-... atau id petugas)") @RequestParam(required = false)
            String recipientKey,
            @Parameter(description = "halaman, mulai 0") @RequestParam(required = false, defaultValue = "0")
            String page,
            @Parameter(description = "ukuran halaman, 1-200") @RequestParam(required = false, defaultValue = "50")
            String size) {
        Actor reader = actor.required();
        if (!reader.hasAnyRole(Roles.ADMIN_DESA, Roles.ADMIN_KECAMATAN, Roles.OPERATOR) || reader.isResident()) {
            throw new AccessDeniedException("Log notifikasi hanya untuk administrator dan operator desa");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Criteria criteria = Criteria.where("villageCode").in(readableVillages(reader));
        if (requestId != null) {
            if (requestId.isBlank() || requestId.length() > MAX_ID_LENGTH) {
                problems.add(new FieldProblem("requestId", "Harus 1-" + MAX_ID_LENGTH + " karakter"));
            } else {
                criteria.and("requestId").is(requestId);
            }
        }
        if (recipientKey != null) {
            if (!PublicLinks.isRecipientKey(recipientKey)) {
                problems.add(new FieldProblem("recipientKey", "Harus 1-64 huruf, angka atau . _ : @ -"));
            } else {
                criteria.and("recipientKey").is(recipientKey);
            }
        }
        if (status != null) {
            if ("FAILED".equals(status)) {
                criteria.and("status").in(NotificationStatus.TEMPORARY_FAILURE, NotificationStatus.PERMANENT_FAILURE,
                        NotificationStatus.TECHNICAL_FAILURE);
            } else {
                parse(NotificationStatus.class, status, "status", problems)
                        .ifPresent(s -> criteria.and("status").is(s));
            }
        }
        if (channel != null) {
            parse(Channel.class, channel, "channel", problems).ifPresent(c -> criteria.and("channel").is(c));
        }
        int pageNumber = number(page, "page", 0, 100_000, problems);
        int pageSize = number(size, "size", 1, MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(requestId != null ? Sort.Direction.ASC : Sort.Direction.DESC, "createdAt"))
                .skip((long) pageNumber * pageSize).limit(pageSize);
        return mongo.find(query, Notification.class).stream().map(NotificationView::of).toList();
    }

    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Kirim ulang notifikasi yang gagal",
            description = "Mengantrekan kembali pesan berstatus TEMPORARY_FAILURE, PERMANENT_FAILURE atau "
                    + "TECHNICAL_FAILURE, di kanal mana pun (email, SMS, WhatsApp).")
    NotificationView resend(@PathVariable String id) {
        Actor admin = actor.required();
        if (!admin.hasAnyRole(Roles.ADMIN_DESA, Roles.ADMIN_KECAMATAN) || admin.isResident()) {
            throw new AccessDeniedException("Pengiriman ulang hanya untuk administrator");
        }
        Notification notification = notifications.findById(id).filter(n -> administers(admin, n.villageCode()))
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

    /** Account messages (one-time codes) belong to no village: the kecamatan's administrators look after them. */
    private static List<String> readableVillages(Actor reader) {
        List<String> villages = new ArrayList<>();
        if (reader.hasRole(Roles.ADMIN_KECAMATAN)) {
            villages.addAll(reader.villages());
            villages.add(null);
        }
        if (reader.village() != null) {
            villages.add(reader.village());
        }
        return villages;
    }

    private static boolean administers(Actor admin, String village) {
        return village == null ? admin.hasRole(Roles.ADMIN_KECAMATAN) : admin.administers(village);
    }

    private static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String value, String field,
            List<FieldProblem> problems) {
        try {
            return java.util.Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "Harus salah satu dari " + Arrays.toString(type.getEnumConstants())
                    + ("status".equals(field) ? " atau FAILED" : "")));
            return java.util.Optional.empty();
        }
    }

    private static int number(String value, String field, int min, int max, List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "Harus bilangan bulat " + min + "-" + max));
        return min;
    }
}
