package id.desaflow.notification.preference;

import id.desaflow.notification.CurrentActor;
import id.desaflow.notification.PublicLinks;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.template.MessageTemplates;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Residents' and officials' choices of channels, each person their own (officials by user id, residents by the key
 * derived from the NIK in their token: {@code /me}), and the unsubscribe link that every message carries (no
 * sign-in: the link is signed).
 */
@RestController
@Tag(name = "Preferensi", description = "Pilihan kanal, bahasa, ringkasan harian, berhenti berlangganan")
class PreferenceController {
    private static final Logger log = LoggerFactory.getLogger(PreferenceController.class);

    private final PreferenceBook preferences;
    private final CurrentActor actor;
    private final String defaultLanguage;

    PreferenceController(PreferenceBook preferences, CurrentActor actor,
            @Value("${desaflow.notification.language:id}") String defaultLanguage) {
        this.preferences = preferences;
        this.actor = actor;
        this.defaultLanguage = defaultLanguage;
    }

    @GetMapping("/api/v1/preferences/me")
    @Operation(summary = "Preferensi pemberitahuan saya", description = "Bawaan bila belum pernah diatur.")
    PreferenceView mine() {
        return PreferenceView.of(preferences.of(actor.ownKey()), defaultLanguage);
    }

    @PutMapping("/api/v1/preferences/me")
    @Operation(summary = "Atur preferensi pemberitahuan saya", description = "Seperti PUT /{recipientKey}.")
    PreferenceView putMine(@RequestBody PreferenceBody body) {
        return put(actor.ownKey(), body);
    }

    @GetMapping("/api/v1/preferences/{recipientKey}")
    @Operation(summary = "Preferensi pemberitahuan (kunci sendiri)", description = "Hanya kunci milik yang masuk; "
            + "warga memakai /me.")
    PreferenceView get(@PathVariable String recipientKey) {
        requireOwn(recipientKey);
        return PreferenceView.of(preferences.of(recipientKey), defaultLanguage);
    }

    @PutMapping("/api/v1/preferences/{recipientKey}")
    @Operation(summary = "Atur preferensi pemberitahuan",
            description = "Kanal menurut urutan pilihan (EMAIL, SMS, WHATSAPP, IN_APP), berhenti berlangganan, "
                    + "bahasa (id/en), ringkasan harian untuk petugas.")
    PreferenceView put(@PathVariable String recipientKey, @RequestBody PreferenceBody body) {
        requireOwn(recipientKey);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.channels() == null || body.channels().isEmpty()) {
            problems.add(new FieldProblem("channels", "Pilih minimal satu kanal"));
        } else {
            for (int i = 0; i < body.channels().size(); i++) {
                if (body.channels().get(i) == null) {
                    problems.add(new FieldProblem("channels[" + i + "]", "Wajib diisi"));
                }
            }
            if (new HashSet<>(body.channels()).size() != body.channels().size()) {
                problems.add(new FieldProblem("channels", "Setiap kanal hanya boleh dipilih sekali"));
            }
        }
        if (body.optedOut() == null) {
            problems.add(new FieldProblem("optedOut", "Wajib diisi (true atau false)"));
        }
        if (body.language() != null && !MessageTemplates.LANGUAGES.contains(body.language())) {
            problems.add(new FieldProblem("language", "Harus salah satu dari " + MessageTemplates.LANGUAGES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Preference saved = preferences.save(recipientKey, List.<Channel>copyOf(body.channels()), body.optedOut(),
                body.language(), Boolean.TRUE.equals(body.digest()), actor.name());
        log.info("Preferences of {} changed by {}: {} optedOut={}", recipientKey, actor.name(), saved.channels(),
                saved.optedOut());
        return PreferenceView.of(saved, defaultLanguage);
    }

    @GetMapping(path = "/api/v1/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Berhenti berlangganan lewat tautan",
            description = "Tautan di setiap pesan; tanpa masuk akun. Menghentikan email, SMS dan WhatsApp.")
    String unsubscribe(@PathVariable String token) {
        return unsubscribed(token);
    }

    @PostMapping(path = "/api/v1/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Berhenti berlangganan satu klik (RFC 8058)",
            description = "Untuk tombol berhenti berlangganan di aplikasi email (List-Unsubscribe-Post).")
    String unsubscribeOneClick(@PathVariable String token) {
        return unsubscribed(token);
    }

    private String unsubscribed(String token) {
        String recipientKey = preferences.unsubscribe(token)
                .orElseThrow(() -> ProblemException.notFound("Tautan berhenti berlangganan"));
        log.info("{} opted out by link", recipientKey);
        return """
                <!doctype html>
                <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Berhenti berlangganan</title></head>
                <body style="font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">
                <h1>Pemberitahuan dihentikan</h1>
                <p>Anda tidak akan lagi menerima pemberitahuan lewat email, SMS, atau WhatsApp. Status permohonan tetap
                dapat dilihat di portal desa, dan pilihan ini dapat diubah kembali di sana.</p>
                <p lang="en">You will no longer receive e-mail, SMS or WhatsApp notifications. You can still follow
                your requests on the village portal and change this choice there.</p>
                </body></html>
                """;
    }

    private void requireOwn(String recipientKey) {
        String own = actor.ownKey();
        if (!PublicLinks.isRecipientKey(recipientKey)) {
            throw new InvalidInputException("recipientKey", "Harus 1-64 huruf, angka atau . _ : @ -");
        }
        if (!own.equals(recipientKey)) {
            throw new AccessDeniedException("Hanya preferensi milik sendiri");
        }
    }
}
