package com.cinemaabyss.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The local mail server (GreenMail, in this JVM): SMTP that accepts mail for any address, and an IMAP mailbox per
 * recipient, opened with the recipient's address as login and password (e.g. {@code curl imap://127.0.0.1:3143/INBOX
 * -u viewer@example.com:viewer@example.com}, or Thunderbird with a manual IMAP account). On 127.0.0.1 only.
 */
public final class LocalMail implements AutoCloseable {

    /** One mail as a reader sees it over IMAP: its subject and plain-text part. */
    public record Mail(String subject, String text) {
    }

    private final GreenMail server;
    private final int imapPort;

    private LocalMail(GreenMail server, int imapPort) {
        this.server = server;
        this.imapPort = imapPort;
    }

    public static LocalMail start(int smtpPort, int imapPort) {
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        return new LocalMail(server, imapPort);
    }

    /** The mails in {@code address}'s inbox, read over IMAP as a mail client would; empty when none came yet. */
    public List<Mail> inbox(String address) {
        if (server.getUserManager().getUserByEmail(address) == null) {
            return List.of();
        }
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", imapPort, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), text(message)));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("IMAP read of " + address + " failed", e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = text(body);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop();
    }
}
