package com.cinemaabyss.notifications.mail;

import com.cinemaabyss.notifications.domain.Channel;
import com.cinemaabyss.notifications.domain.Kind;
import com.cinemaabyss.notifications.domain.Language;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The templates of every notification in every language, read and compiled once at start (a missing one fails the
 * start, not a send): {@code templates/<kind>/<language>.subject}, {@code .txt} and {@code .html} for mail, {@code .short}
 * (one line: the push body and the SMS text) for push and SMS. Values are escaped
 * in the HTML part only; the subject and the plain text take them as they are. A missing value is an error, but a
 * missing section value is false: optional parts ({@code {{#discount}}}) are left out when the event has none.
 */
public final class Templates {

    /** One notification in one language. */
    public record Rendered(String subject, String text, String html, String shortText) {
    }

    /** text and html: null for a kind that is never mailed; shortText: null for one never pushed or texted. */
    private record Parts(Template subject, Template text, Template html, Template shortText) {
    }

    private final Map<Kind, Map<Language, Parts>> parts = new EnumMap<>(Kind.class);

    public Templates() {
        Mustache.Compiler plain = Mustache.compiler().escapeHTML(false);
        Mustache.Compiler html = Mustache.compiler().escapeHTML(true);
        for (Kind kind : Kind.values()) {
            Map<Language, Parts> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String base = "templates/" + kind.code() + "/" + language.code();
                boolean mail = kind.on(Channel.EMAIL);
                byLanguage.put(language, new Parts(plain.compile(read(base + ".subject").strip()),
                        mail ? plain.compile(read(base + ".txt")) : null, mail ? html.compile(read(base + ".html")) : null,
                        kind.mobile() ? plain.compile(read(base + ".short").strip()) : null));
            }
            parts.put(kind, byLanguage);
        }
    }

    public Rendered render(Kind kind, Language language, Map<String, Object> values) {
        Parts p = parts.get(kind).get(language);
        return new Rendered(p.subject().execute(values).replaceAll("[\\r\\n]+", " "), p.text() == null ? null : p.text().execute(values),
                p.html() == null ? null : p.html().execute(values),
                p.shortText() == null ? null : p.shortText().execute(values).replaceAll("\\s+", " ").strip());
    }

    private static String read(String path) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
