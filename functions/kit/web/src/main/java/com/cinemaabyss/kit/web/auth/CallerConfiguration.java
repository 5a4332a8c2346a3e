package com.cinemaabyss.kit.web.auth;

import com.cinemaabyss.kit.auth.JwksKeys;
import com.cinemaabyss.kit.auth.TokenVerifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.MalformedURLException;
import java.time.Clock;

/** {@link Callers} for a function that needs to know who calls it. Nothing is fetched at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallerSettings.class)
public class CallerConfiguration {

    @Bean(destroyMethod = "close")
    JwksKeys callerJwksKeys(CallerSettings settings) throws MalformedURLException {
        return new JwksKeys(settings.jwksUrl().toURL(), settings.keysTimeToLive(), settings.keysMinRefetchInterval(),
                settings.keysHttpTimeout(), Clock.systemUTC());
    }

    @Bean
    Callers callers(CallerSettings settings, JwksKeys callerJwksKeys) {
        // A servlet thread may block on the (rare, cached, rate-limited) key fetch, so it runs on the calling thread.
        return new Callers(new TokenVerifier(callerJwksKeys, settings.issuer(), settings.audience(), settings.clockSkew(),
                Clock.systemUTC(), Runnable::run));
    }
}
