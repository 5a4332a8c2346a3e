package com.cinemaabyss.bff.mobile.screens;

import com.cinemaabyss.bff.mobile.MobileBffSettings;

/** An image and the box the device class draws it in. */
public record Image(String url, int width, int height) {

    public static Image of(String url, MobileBffSettings.Size size) {
        return url == null ? null : new Image(url, size.width(), size.height());
    }
}
