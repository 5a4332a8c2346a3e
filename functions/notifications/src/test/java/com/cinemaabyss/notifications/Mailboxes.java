package com.cinemaabyss.notifications;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A real SMTP server with IMAP mailboxes in the test JVM (GreenMail, on 127.0.0.1 and free ports): every recipient
 * gets a mailbox opened over IMAP with its address as login and password, as the local platform's.
 */
final class Mailboxes implements AutoCloseable {

    /** One mail as a reader sees it over IMAP. */
    record Received(String subject, String messageId, String text, String html, String listUnsubscribe, String listUnsubscribePost) {
    }

    private final GreenMail server = new GreenMail(new ServerSetup[]{
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});

    Mailboxes() {
        server.start();
    }

    int smtpPort() {
        return server.getSmtp().getPort();
    }

    /** The mailbox of {@code address} over IMAP, once {@code ready} holds for it (polled, at most 15 s). */
    List<Received> await(String address, Predicate<List<Received>> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<Received> mails = read(address);
        while (!ready.test(mails) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            mails = read(address);
        }
        return mails;
    }

    List<Received> read(String address) {
        if (server.getUserManager().getUserByEmail(address) == null) {
            return List.of();
        }
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", server.getImap().getPort(), address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Received> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    String[] id = message.getHeader("Message-ID");
                    String[] unsubscribe = message.getHeader("List-Unsubscribe");
                    String[] post = message.getHeader("List-Unsubscribe-Post");
                    mails.add(new Received(message.getSubject(), id == null ? null : id[0], part(message, "text/plain"), part(message, "text/html"),
                            unsubscribe == null ? null : unsubscribe[0], post == null ? null : post[0]));
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

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
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
