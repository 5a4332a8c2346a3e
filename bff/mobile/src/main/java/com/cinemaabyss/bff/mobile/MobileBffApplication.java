package com.cinemaabyss.bff.mobile;

import com.cinemaabyss.bff.kit.BffKitConfiguration;
import com.cinemaabyss.kit.web.WebKitConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The mobile/TV BFF: the web client's screens shaped for the device class the app names in {@code X-Device-Class}
 * (phone, tablet, tv): image sizes, fewer fields, rows for a 10-foot layout (docs/bff-api.md).
 */
@SpringBootApplication
@Import({WebKitConfiguration.class, BffKitConfiguration.class})
@EnableConfigurationProperties(MobileBffSettings.class)
public class MobileBffApplication {

    public static void main(String[] args) {
        SpringApplication.run(MobileBffApplication.class, args);
    }
}
