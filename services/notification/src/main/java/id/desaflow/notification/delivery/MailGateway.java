package id.desaflow.notification.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends a notification as a plain-text UTF-8 e-mail through the {@code smtp} circuit breaker. Only failures that
 * say the mail server is unwell (unreachable, timeouts, 4xx) count against the breaker; a 5xx refusal of one
 * address means the server works fine.
 */
@Component
class MailGateway {
    /** Header that lets a mail provider or a support person tie a mail back to its notification. */
    static final String NOTIFICATION_HEADER = "X-DesaFlow-Notification";

    private final JavaMailSender mail;
    private final CircuitBreaker breaker;
    private final InternetAddress from;
    private final Clock clock;

    MailGateway(JavaMailSender mail, CircuitBreakerRegistry breakers, Clock clock,
            @Value("${desaflow.notification.mail.from:layanan@beji.desa.id}") String fromAddress,
            @Value("${desaflow.notification.mail.from-name:Layanan Desa}") String fromName)
            throws UnsupportedEncodingException {
        this.mail = mail;
        this.breaker = breakers.circuitBreaker("smtp");
        this.from = new InternetAddress(fromAddress, fromName, "UTF-8");
        this.clock = clock;
    }

    /** @return false while the circuit is open, so the dispatcher does not claim messages it cannot send */
    boolean isAvailable() {
        return breaker.getState() != CircuitBreaker.State.OPEN
                && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    DeliveryOutcome send(Notification notification) {
        MimeMessage message;
        try {
            message = compose(notification);
        } catch (MessagingException | MailException e) {
            return new DeliveryOutcome.PermanentFailure(SmtpFailures.describe(e));
        }
        try {
            return breaker.executeSupplier(() -> sendThroughBreaker(message));
        } catch (CallNotPermittedException e) {
            return new DeliveryOutcome.NotAttempted(clock.instant().plus(retryDelayWhileOpen()));
        } catch (MailException e) {
            return new DeliveryOutcome.TemporaryFailure(SmtpFailures.describe(e));
        }
    }

    /** Throws only transient failures, which the breaker records; permanent ones are an answer, not an outage. */
    private DeliveryOutcome sendThroughBreaker(MimeMessage message) {
        try {
            mail.send(message);
            return new DeliveryOutcome.Delivered();
        } catch (MailException e) {
            if (SmtpFailures.isPermanent(e)) {
                return new DeliveryOutcome.PermanentFailure(SmtpFailures.describe(e));
            }
            throw e;
        }
    }

    private MimeMessage compose(Notification notification) throws MessagingException {
        InternetAddress to = new InternetAddress(notification.recipient(), true);
        to.validate();
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(notification.subject());
        helper.setText(notification.body(), false);
        message.setHeader(NOTIFICATION_HEADER, notification.id());
        return message;
    }

    /** Roughly when the breaker will let a trial call through again. */
    private Duration retryDelayWhileOpen() {
        return Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }
}
