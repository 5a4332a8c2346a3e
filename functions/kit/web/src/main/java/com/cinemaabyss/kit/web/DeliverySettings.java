package com.cinemaabyss.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may deliver events to the {@code /internal/**} routes. Locally the eventing bridge proves itself with
 * {@code token} (set by the run command); in a cluster it stays empty and an Istio AuthorizationPolicy admits only
 * the Knative data plane.
 */
@ConfigurationProperties("cinemaabyss.eventing")
public record DeliverySettings(@DefaultValue("") String deliveryToken) {
}
