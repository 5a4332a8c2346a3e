package com.cinemaabyss.notifications.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.util.Properties;

/** Sends mail over SMTP (Spring's JavaMailSender): multipart/alternative with a plain-text and an HTML part. */
public class Mailer {

    /** How a send ended, when it did not succeed: transient failures are worth another try, permanent ones are not. */
    public static final class SendFailure extends RuntimeException {
        private final boolean permanent;

        SendFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    private final JavaMailSender sender;
    private final InternetAddress from;

    public Mailer(JavaMailSender sender, String from, String fromName) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, fromName, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(Mail mail) {
        MimeMessage message = new FixedIdMessage(SESSION, mail.messageId());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(from);
            helper.setTo(new InternetAddress(mail.to(), true));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            if (mail.unsubscribe() != null) {
                // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the https link, without the user visiting it.
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        } catch (MessagingException e) {
            throw new SendFailure("the mail could not be built: " + e.getMessage(), true, e);
        }
        try {
            sender.send(message);
        } catch (MailParseException | MailPreparationException e) {
            throw new SendFailure("the mail could not be built: " + e.getMessage(), true, e);
        } catch (MailException e) {
            throw new SendFailure("SMTP refused or was unreachable: " + e.getMessage(), rejectedRecipient(e), e);
        }
    }

    /** The server refused the recipient (a 5xx for the address): sending again would be refused again. */
    private static boolean rejectedRecipient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()) {
                if (rejectedRecipient(m.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A message whose Message-ID is the one given, not a fresh random one on every save. */
    static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
