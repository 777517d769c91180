package id.desaflow.notification.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import java.net.ConnectException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpFailuresTest {

    @Test
    void anUnreachableServerIsTemporary() {
        var e = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host, port: 127.0.0.1, 3025",
                        new ConnectException("Connection refused")));
        assertThat(SmtpFailures.isPermanent(e)).isFalse();
        assertThat(SmtpFailures.describe(e)).contains("Connection refused");
    }

    @Test
    void aRecipientRefusedWith5xxIsPermanent() throws Exception {
        assertThat(SmtpFailures.isPermanent(refusedWith(550, "550 5.1.1 Mailbox unavailable"))).isTrue();
        assertThat(SmtpFailures.describe(refusedWith(550, "550 5.1.1 Mailbox unavailable")))
                .isEqualTo("550 5.1.1 Mailbox unavailable");
    }

    @Test
    void aRecipientDeferredWith4xxIsTemporary() throws Exception {
        assertThat(SmtpFailures.isPermanent(refusedWith(451, "451 4.3.0 Try again later"))).isFalse();
    }

    @Test
    void aMessageRefusedAfterDataFollowsTheReplyCode() {
        var greylisted = new MailSendException(Map.of("m", new SMTPSendFailedException("DATA", 421,
                "421 Service not available", null, null, null, null)));
        var spam = new MailSendException(Map.of("m", new SMTPSendFailedException("DATA", 554,
                "554 5.7.1 Message rejected", null, null, null, null)));
        assertThat(SmtpFailures.isPermanent(greylisted)).isFalse();
        assertThat(SmtpFailures.isPermanent(spam)).isTrue();
    }

    @Test
    void anAddressThatCannotBeValidIsPermanent() {
        assertThat(SmtpFailures.isPermanent(new AddressException("Missing final '@domain'", "sri"))).isTrue();
        assertThat(SmtpFailures.isPermanent(new MailSendException(Map.of("m", new SendFailedException("Invalid",
                null, new Address[0], new Address[0], new Address[] {new InternetAddress()}))))).isTrue();
    }

    @Test
    void aRejectedLoginIsTheVillageConfigurationNotTheResidentSoItIsTemporary() {
        assertThat(SmtpFailures.isPermanent(new MailAuthenticationException("535 Authentication failed")))
                .isFalse();
    }

    private static MailSendException refusedWith(int code, String reply) throws AddressException {
        var address = new InternetAddress("sri@example.id");
        var refused = new SMTPAddressFailedException(address, "RCPT TO:<sri@example.id>", code, reply);
        var failed = new SendFailedException("Invalid Addresses", refused, new Address[0], new Address[0],
                new Address[] {address});
        return new MailSendException(Map.of("message", failed));
    }
}
