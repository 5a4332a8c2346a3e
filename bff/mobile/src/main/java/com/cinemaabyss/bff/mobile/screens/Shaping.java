package com.cinemaabyss.bff.mobile.screens;

import com.cinemaabyss.bff.mobile.MobileBffSettings;

/** The device class a screen is shaped for, and its image boxes. */
public record Shaping(DeviceClass device, MobileBffSettings.Images images) {

    public Image poster(String url) {
        return Image.of(url, images.poster());
    }

    public Image backdrop(String url) {
        return Image.of(url, images.backdrop());
    }
}
