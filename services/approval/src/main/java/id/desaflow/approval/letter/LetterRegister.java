package id.desaflow.approval.letter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The issued-letter register: numbers a letter once per request and freezes its signer. */
@Component
class LetterRegister {
    private static final RowMapper<IssuedLetter> ROW = (rs, i) -> new IssuedLetter(rs.getString("request_id"),
            rs.getString("letter_number"), rs.getString("letter_type"), rs.getString("village_code"),
            rs.getString("applicant_name"), rs.getString("signer_name"), rs.getString("signer_position"),
            rs.getTimestamp("issued_at").toInstant());

    private final JdbcTemplate jdbc;
    private final LetterSequences sequences;
    private final LetterSettings settings;
    private final Clock clock;

    LetterRegister(JdbcTemplate jdbc, LetterSequences sequences, LetterSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.settings = settings;
        this.clock = clock;
    }

    /** Idempotent per request: a retried signing step gets the letter already issued, not a second number. */
    @Transactional(propagation = Propagation.MANDATORY)
    IssuedLetter issue(String requestId, String letterType, String villageCode, String applicantName) {
        Optional<IssuedLetter> existing = byRequestId(requestId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String classification = settings.classification(letterType);
        LetterSettings.VillageSettings village = settings.village(villageCode);
        Instant now = clock.instant();
        LocalDate issuedOn = LocalDate.ofInstant(now, settings.letters().zone());
        int sequence = sequences.next(villageCode, issuedOn.getYear(),
                settings.sequenceScope(letterType, classification));
        var letter = new IssuedLetter(requestId, LetterNumber.format(classification, sequence, villageCode, issuedOn),
                letterType, villageCode, applicantName, village.kepalaDesa(), village.signerPosition(), now);
        jdbc.update("INSERT INTO issued_letter (request_id, letter_number, letter_type, village_code, applicant_name, "
                + "signer_name, signer_position, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", letter.requestId(),
                letter.letterNumber(), letter.letterType(), letter.villageCode(), letter.applicantName(),
                letter.signerName(), letter.signerPosition(), Timestamp.from(letter.issuedAt()));
        return letter;
    }

    Optional<IssuedLetter> byRequestId(String requestId) {
        return jdbc.query("SELECT * FROM issued_letter WHERE request_id = ?", ROW, requestId).stream().findFirst();
    }

    Optional<IssuedLetter> byNumber(String letterNumber) {
        return jdbc.query("SELECT * FROM issued_letter WHERE letter_number = ?", ROW, letterNumber).stream()
                .findFirst();
    }
}
