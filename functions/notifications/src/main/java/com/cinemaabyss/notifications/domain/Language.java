package com.cinemaabyss.notifications.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Locale;

/** The languages notifications are written in. */
public enum Language {
    EN, RU;

    public static Language parse(String value, String field) {
        if (value != null) {
            for (Language language : values()) {
                if (language.code().equals(value)) {
                    return language;
                }
            }
        }
        throw new InvalidInputException(field + " must be one of en, ru");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }
}
