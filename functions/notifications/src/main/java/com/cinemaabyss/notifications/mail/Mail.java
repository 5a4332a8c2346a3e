package com.cinemaabyss.notifications.mail;

/**
 * One mail ready to go. messageId is derived from the ledger entry (the triggering event), so a send repeated after
 * a crash carries the same Message-ID and a mail client shows it once; unsubscribe is the one-click link of marketing
 * mail (null for transactional mail).
 */
public record Mail(String to, String subject, String text, String html, String messageId, String unsubscribe) {
}
