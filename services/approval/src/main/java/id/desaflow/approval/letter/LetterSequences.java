package id.desaflow.approval.letter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Yearly letter-number sequences. The increment takes the row lock and runs in the caller's (engine) transaction,
 * so concurrent signings wait for each other and a rolled-back signing leaves no gap.
 */
@Component
class LetterSequences {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    LetterSequences(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int next(String villageCode, int year, String scope) {
        if (increment(villageCode, year, scope) == 0) {
            if (insertFirst(villageCode, year, scope)) {
                return 1;
            }
            // another transaction created the row meanwhile (and has committed): count on it
            if (increment(villageCode, year, scope) == 0) {
                throw new IllegalStateException("Letter sequence row missing for " + villageCode + "/" + year);
            }
        }
        return jdbc.queryForObject("SELECT last_value FROM letter_sequence WHERE village_code = ? AND letter_year = ? "
                + "AND scope = ?", Integer.class, villageCode, year, scope);
    }

    private int increment(String villageCode, int year, String scope) {
        return jdbc.update("UPDATE letter_sequence SET last_value = last_value + 1 WHERE village_code = ? "
                + "AND letter_year = ? AND scope = ?", villageCode, year, scope);
    }

    /** The year's first letter; inside a savepoint, because a failed INSERT would abort a PostgreSQL transaction. */
    private boolean insertFirst(String villageCode, int year, String scope) {
        try {
            savepoint.executeWithoutResult(s -> jdbc.update("INSERT INTO letter_sequence (village_code, letter_year, "
                    + "scope, last_value) VALUES (?, ?, ?, 1)", villageCode, year, scope));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
