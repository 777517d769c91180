package id.desaflow.approval.letter;

import id.desaflow.approval.outbox.Outbox;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what with an issued letter, decided here where the register is read: the resident it was issued to
 * and the officials of its village read it; that village's administrators revoke it. Anyone else learns nothing,
 * not even that the letter exists (404).
 */
@Service
class Letters {
    static final int MAX_REASON = 500;

    private final LetterRegister register;
    private final LetterPdf pdf;
    private final Outbox outbox;

    Letters(LetterRegister register, LetterPdf pdf, Outbox outbox) {
        this.register = register;
        this.pdf = pdf;
        this.outbox = outbox;
    }

    /** By letter number or request id; a letter the actor may not read does not exist for them (404). */
    IssuedLetter find(String ref, Actor actor) {
        return register.byNumber(ref).or(() -> register.byRequestId(ref)).filter(l -> mayRead(actor, l))
                .orElseThrow(() -> ProblemException.notFound("Surat " + ref));
    }

    byte[] pdf(String trackingCode, Actor actor) {
        IssuedLetter letter = register.byTrackingCode(trackingCode).filter(l -> mayRead(actor, l))
                .orElseThrow(() -> notFound(trackingCode));
        return pdf.render(letter);
    }

    @Transactional
    /** @param from the client address the revocation came from (audit) */
    IssuedLetter revoke(String trackingCode, String reason, Actor actor, String from) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason",
                    "Alasan pencabutan wajib diisi (paling banyak " + MAX_REASON + " karakter)");
        }
        IssuedLetter letter = register.byTrackingCode(trackingCode).filter(l -> mayRead(actor, l))
                .orElseThrow(() -> notFound(trackingCode));
        if (!actor.administers(letter.villageCode())) {
            throw new AccessDeniedException("Hanya admin desa yang dapat mencabut surat");
        }
        if (letter.revoked()) {
            throw ProblemException.conflict("letter-revoked", "Surat " + letter.letterNumber() + " sudah dicabut "
                    + "pada " + letter.revokedAt(), java.util.Map.of("revokedAt", letter.revokedAt().toString()));
        }
        IssuedLetter revoked = register.revoke(letter, actor.userId(), reason.strip(), from);
        outbox.add(revoked.requestId(), new LetterRevoked(revoked.requestId(), revoked.letterNumber(),
                revoked.revocationReason(), revoked.revokedBy(), revoked.revokedAt()));
        return revoked;
    }

    private static boolean mayRead(Actor actor, IssuedLetter letter) {
        return actor.isApplicant(letter.applicantNik()) || actor.worksIn(letter.villageCode())
                || actor.administers(letter.villageCode());
    }

    private static ProblemException notFound(String trackingCode) {
        return ProblemException.notFound("Surat untuk permohonan " + trackingCode);
    }
}
