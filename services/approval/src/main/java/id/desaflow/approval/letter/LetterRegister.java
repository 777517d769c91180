package id.desaflow.approval.letter;

import com.fasterxml.jackson.core.type.TypeReference;
import id.desaflow.contracts.events.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The issued-letter register: numbers a letter once per request and freezes what it says and who signed it. */
@Component
public class LetterRegister {
    /** No 0/O, 1/I/L: the code is typed by hand from a paper letter when the QR cannot be scanned. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final RowMapper<IssuedLetter> ROW = LetterRegister::row;

    /** What the signing step knows about the request. */
    record Signing(String requestId, String trackingCode, String letterType, String villageCode, String dusun,
            String applicantName, String applicantNik, Map<String, String> data, boolean onBehalf) {
    }

    private final JdbcTemplate jdbc;
    private final LetterSequences sequences;
    private final LetterSettings settings;
    private final VillageLetterTypes letterTypes;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LetterRegister(JdbcTemplate jdbc, LetterSequences sequences, LetterSettings settings,
            VillageLetterTypes letterTypes, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.settings = settings;
        this.letterTypes = letterTypes;
        this.clock = clock;
    }

    /** Idempotent per request: a retried signing step gets the letter already issued, not a second number. */
    @Transactional(propagation = Propagation.MANDATORY)
    IssuedLetter issue(Signing signing) {
        Optional<IssuedLetter> existing = byRequestId(signing.requestId());
        if (existing.isPresent()) {
            return existing.get();
        }
        LetterCatalogue.Type text = letterTypes.type(signing.villageCode(), signing.letterType());
        String classification = text.classification();
        LetterSettings.VillageSettings village = settings.village(signing.villageCode());
        Instant now = clock.instant();
        LocalDate issuedOn = LocalDate.ofInstant(now, settings.letters().zone());
        int sequence = sequences.next(signing.villageCode(), issuedOn.getYear(),
                settings.sequenceScope(signing.villageCode(), signing.letterType(), classification));
        String signerName = signing.onBehalf() ? village.sekretarisDesa() : village.kepalaDesa();
        String signerPosition = signing.onBehalf() ? "a.n. " + village.signerPosition() + "\nSekretaris Desa"
                : village.signerPosition();
        var letter = new IssuedLetter(signing.requestId(), signing.trackingCode(),
                LetterNumber.format(classification, sequence, signing.villageCode(), issuedOn), signing.letterType(),
                signing.villageCode(), signing.dusun(), signing.applicantName(), signing.applicantNik(),
                signing.data(), signerName, signerPosition, signing.onBehalf(), now, verificationCode(), null, null,
                null, null, null, text);
        jdbc.update("INSERT INTO issued_letter (request_id, tracking_code, letter_number, letter_type, village_code, "
                + "dusun, applicant_name, applicant_nik, letter_data, signer_name, signer_position, on_behalf, "
                + "issued_at, verification_code, status, letter_text) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                letter.requestId(), letter.trackingCode(), letter.letterNumber(), letter.letterType(),
                letter.villageCode(), letter.dusun(), letter.applicantName(), letter.applicantNik(),
                EventJson.toJson(letter.data()), letter.signerName(), letter.signerPosition(), letter.onBehalf(),
                Timestamp.from(letter.issuedAt()), letter.verificationCode(), letter.status().name(),
                EventJson.toJson(text));
        return letter;
    }

    /** Only a letter still valid is revoked; the caller publishes the event in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    IssuedLetter revoke(IssuedLetter letter, String by, String reason, String from) {
        IssuedLetter revoked = letter.revoke(by, reason, clock.instant(), from);
        int changed = jdbc.update("UPDATE issued_letter SET status = 'REVOKED', revoked_at = ?, revoked_by = ?, "
                + "revocation_reason = ?, revoked_from = ? WHERE request_id = ? AND status = 'VALID'",
                Timestamp.from(revoked.revokedAt()), by, reason, from, letter.requestId());
        if (changed == 0) {
            throw new IllegalStateException("Surat " + letter.letterNumber() + " sudah dicabut");
        }
        return revoked;
    }

    public Optional<IssuedLetter> byRequestId(String requestId) {
        return one("request_id", requestId);
    }

    Optional<IssuedLetter> byNumber(String letterNumber) {
        return one("letter_number", letterNumber);
    }

    Optional<IssuedLetter> byTrackingCode(String trackingCode) {
        return one("tracking_code", trackingCode);
    }

    Optional<IssuedLetter> byVerificationCode(String code) {
        return one("verification_code", code);
    }

    private Optional<IssuedLetter> one(String column, String value) {
        return jdbc.query("SELECT * FROM issued_letter WHERE " + column + " = ?", ROW, value).stream().findFirst();
    }

    private String verificationCode() {
        char[] code = new char[12]; // 31^12 ≈ 2^59: not guessable, short enough to type
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    private static <T> T json(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable letter in the register", e);
        }
    }

    private static IssuedLetter row(ResultSet rs, int i) throws SQLException {
        String data = rs.getString("letter_data");
        String text = rs.getString("letter_text");
        String status = rs.getString("status");
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new IssuedLetter(rs.getString("request_id"), rs.getString("tracking_code"),
                rs.getString("letter_number"), rs.getString("letter_type"), rs.getString("village_code"),
                rs.getString("dusun"), rs.getString("applicant_name"), rs.getString("applicant_nik"),
                data == null ? Map.of() : json(data, new TypeReference<Map<String, String>>() {
                }), rs.getString("signer_name"), rs.getString("signer_position"), rs.getBoolean("on_behalf"),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("verification_code"),
                status == null ? null : IssuedLetter.Status.valueOf(status),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString("revoked_by"),
                rs.getString("revocation_reason"), rs.getString("revoked_from"),
                text == null ? null : json(text, new TypeReference<LetterCatalogue.Type>() {
                }));
    }
}
