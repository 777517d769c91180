package id.desaflow.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Tells a failure that may pass (server unreachable, timeouts, SMTP 4xx) from one that will not (SMTP 5xx, an
 * address that cannot be valid, a message that cannot be built). JavaMail nests the SMTP reply deep inside
 * Spring's and its own wrappers, so the whole cause graph is searched.
 */
final class SmtpFailures {

    static boolean isPermanent(Exception failure) {
        Integer code = null;
        boolean invalidAddress = false;
        for (Throwable t : causes(failure)) {
            if (t instanceof MailParseException || t instanceof MailPreparationException
                    || t instanceof AddressException) {
                return true;
            }
            Integer reply = replyCode(t);
            if (reply != null && code == null) {
                code = reply;
            }
            if (t instanceof SendFailedException s && s.getInvalidAddresses() != null
                    && s.getInvalidAddresses().length > 0) {
                invalidAddress = true;
            }
        }
        if (code != null) {
            return code >= 500;
        }
        return invalidAddress;
    }

    /** A short reason for the log and the failure event: the server's reply if there is one. */
    static String describe(Exception failure) {
        for (Throwable t : causes(failure)) {
            if (replyCode(t) != null || t instanceof AddressException) {
                return t.getMessage().strip();
            }
        }
        Throwable root = failure;
        for (Throwable t : causes(failure)) {
            root = t;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        return root == failure ? message : failure.getMessage() + ": " + message;
    }

    private static Integer replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return null;
    }

    /** Breadth-first over causes, JavaMail's chained exceptions and Spring's per-message failures. */
    private static List<Throwable> causes(Throwable start) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        queue.add(start);
        List<Throwable> ordered = new ArrayList<>();
        while (!queue.isEmpty()) {
            Throwable t = queue.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                queue.add(m.getNextException());
            }
            if (t instanceof MailSendException m) {
                queue.addAll(m.getFailedMessages().values());
            }
        }
        return ordered;
    }

    private SmtpFailures() {
    }
}
