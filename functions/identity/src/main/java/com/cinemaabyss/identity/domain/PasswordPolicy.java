package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B's approach: length and a block list, no composition rules): 12 to
 * 128 characters (Unicode code points), not the account's email, its local part or its username, and not one of the
 * commonly used passwords in {@code common-passwords.txt}. The upper bound keeps hashing cost bounded.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The password if it may be used by the account with this email and username; a 400 that says why otherwise. */
    public static String check(String password, String field, Email email, String username) {
        requireBounded(password, field);
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInputException("field '" + field + "' must be at least " + MIN_LENGTH + " characters long");
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        String localPart = email.normalized().substring(0, email.normalized().indexOf('@'));
        if (folded.equals(email.normalized()) || folded.equals(localPart) || folded.equals(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("field '" + field + "' must not be the email address or the username");
        }
        if (COMMON.contains(folded)) {
            throw new InvalidInputException("field '" + field + "' is a commonly used password; choose another");
        }
        return password;
    }

    /** Only the bounds: for passwords that are checked, not set (a login), so that hashing cost stays bounded. */
    public static String requireBounded(String password, String field) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("field '" + field + "' is required and must be a non-empty string");
        }
        // Checked on chars first, so a huge string is refused before it is walked.
        if (password.length() > 2 * MAX_LENGTH || password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw new InvalidInputException("field '" + field + "' must be at most " + MAX_LENGTH + " characters long");
        }
        return password;
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
