package id.desaflow.notification;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A GreenMail SMTP server on one free port for the whole test JVM, which can be stopped and started again (the
 * "mail server down" case) and told to refuse chosen recipients with a real {@code 550} reply, which plain
 * GreenMail never gives.
 */
public final class TestSmtp {
    public static final int PORT = freePort();
    private static final Set<String> refused = ConcurrentHashMap.newKeySet();
    private static GreenMail server;

    public static synchronized void start() {
        if (server == null || !server.isRunning()) {
            server = new RefusingGreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static void refuse(String address) {
        refused.add(address.toLowerCase());
    }

    public static void accept(String address) {
        refused.remove(address.toLowerCase());
    }

    /** Mails received for {@code address} since the server was last started. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        return server == null ? List.of() : Arrays.stream(server.getReceivedMessages())
                .filter(m -> isFor(m, address)).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class RefusingGreenMail extends GreenMail {
        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    return refused.contains(address.getEmail().toLowerCase())
                            ? "550 5.1.1 <" + address.getEmail() + ">: Recipient address rejected: mailbox unavailable"
                            : null;
                }
            };
            return super.createServices(config, new Managers() {
                @Override
                public SmtpManager getSmtpManager() {
                    return refusing;
                }

                @Override
                public UserManager getUserManager() {
                    return managers.getUserManager();
                }

                @Override
                public ImapHostManager getImapHostManager() {
                    return managers.getImapHostManager();
                }
            });
        }
    }

    private TestSmtp() {
    }
}
