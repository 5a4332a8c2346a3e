package com.cinemaabyss.bff.mobile.screens;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Locale;

/** What the app runs on ({@code X-Device-Class}); phone when it does not say. */
public enum DeviceClass {
    PHONE, TABLET, TV;

    public static final String HEADER = "X-Device-Class";
    static final int MAX_LENGTH = 16;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceClass of(String header) {
        if (header == null || header.isBlank()) {
            return PHONE;
        }
        String value = header.strip();
        if (value.length() <= MAX_LENGTH) {
            for (DeviceClass device : values()) {
                if (device.wire().equalsIgnoreCase(value)) {
                    return device;
                }
            }
        }
        throw new InvalidInputException("header '" + HEADER + "' must be one of phone, tablet, tv");
    }
}
