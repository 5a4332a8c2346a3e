package com.cinemaabyss.bff.mobile;

import com.cinemaabyss.bff.mobile.screens.DeviceClass;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;

/** The image boxes per device class ({@code cinemaabyss.mobile-bff.images.<class>.poster|backdrop}). */
@ConfigurationProperties("cinemaabyss.mobile-bff")
public record MobileBffSettings(Map<DeviceClass, Images> images) {

    public MobileBffSettings {
        images = images == null ? Map.of() : new EnumMap<>(images);
        for (DeviceClass device : DeviceClass.values()) {
            if (!images.containsKey(device)) {
                throw new IllegalArgumentException("cinemaabyss.mobile-bff.images." + device.wire() + " is not configured");
            }
        }
    }

    public record Images(Size poster, Size backdrop) {

        public Images {
            if (poster == null || backdrop == null) {
                throw new IllegalArgumentException("an image size needs both poster and backdrop");
            }
        }
    }

    public record Size(int width, int height) {

        public Size {
            if (width < 16 || width > 4096 || height < 16 || height > 4096) {
                throw new IllegalArgumentException("an image size is 16..4096 pixels each way");
            }
        }
    }

    public Images images(DeviceClass device) {
        return images.get(device);
    }
}
