package com.cinemaabyss.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** HTTP limits every function applies before its routes see a request. */
@ConfigurationProperties("cinemaabyss.http")
public record WebSettings(@DefaultValue("65536") long maxBodyBytes) {
}
