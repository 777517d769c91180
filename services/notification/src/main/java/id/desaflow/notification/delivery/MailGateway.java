package id.desaflow.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.time.Clock;

/**
 * Sends a message as a plain-text UTF-8 e-mail through the {@code smtp} circuit breaker and rate limiter. Only
 * failures that say the mail server is unwell (unreachable, timeouts, 4xx) count against the breaker; a 5xx refusal
 * of one address means the server works fine. SMTP gives no delivery receipts: accepted by the server = delivered.
 * <p>
 * In doubt after a crash mid-send, SMTP cannot be asked, so the mail is sent again with the same Message-ID
 * (derived from the notification id): mail clients show one message for one Message-ID.
 */
@Component
class MailGateway implements ChannelGateway {
    /** Header that lets a mail provider or a support person tie a mail back to its notification. */
    static final String NOTIFICATION_HEADER = "X-DesaFlow-Notification";
    static final String PROVIDER = "smtp";

    private final JavaMailSenderImpl mail;
    private final ProviderGuard guard;
    private final InternetAddress from;

    MailGateway(JavaMailSenderImpl mail, CircuitBreakerRegistry breakers, RateLimiterRegistry limiters, Clock clock,
            @Value("${desaflow.notification.mail.from:layanan@beji.desa.id}") String fromAddress,
            @Value("${desaflow.notification.mail.from-name:Layanan Desa}") String fromName)
            throws UnsupportedEncodingException {
        this.mail = mail;
        this.guard = new ProviderGuard(PROVIDER, breakers, limiters, clock);
        this.from = new InternetAddress(fromAddress, fromName, "UTF-8");
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public boolean isAvailable() {
        return guard.isAvailable();
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage outgoing) {
        MimeMessage message;
        try {
            message = compose(outgoing);
        } catch (MessagingException | MailException e) {
            return new DeliveryOutcome.PermanentFailure(SmtpFailures.describe(e));
        }
        return guard.call(() -> sendThroughBreaker(message, outgoing.notificationId()));
    }

    /** Throws only transient failures, which the breaker records; permanent ones are an answer, not an outage. */
    private DeliveryOutcome sendThroughBreaker(MimeMessage message, String notificationId) {
        try {
            mail.send(message);
            return new DeliveryOutcome.Accepted(notificationId, false);
        } catch (MailException e) {
            if (SmtpFailures.isPermanent(e)) {
                return new DeliveryOutcome.PermanentFailure(SmtpFailures.describe(e));
            }
            throw new TransientProviderException(SmtpFailures.describe(e), e);
        }
    }

    private MimeMessage compose(OutgoingMessage outgoing) throws MessagingException {
        InternetAddress to = new InternetAddress(outgoing.address(), true);
        to.validate();
        MimeMessage message = new StableIdMessage(mail.getSession(), messageId(outgoing.notificationId()));
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(outgoing.subject());
        helper.setText(outgoing.body(), false);
        message.setHeader(NOTIFICATION_HEADER, outgoing.notificationId());
        if (outgoing.unsubscribeUrl() != null) {
            // RFC 2369 / RFC 8058: mail clients offer their own one-click "unsubscribe" button
            message.setHeader("List-Unsubscribe", "<" + outgoing.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private String messageId(String notificationId) {
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        return "<" + notificationId.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain + ">";
    }

    /** JavaMail would give every send a fresh Message-ID; a resend after a crash must carry the same one. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
