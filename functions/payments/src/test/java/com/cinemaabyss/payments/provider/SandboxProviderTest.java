package com.cinemaabyss.payments.provider;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import com.cinemaabyss.sandbox.PaymentSandbox;
import com.cinemaabyss.sandbox.SandboxSettings;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider adapter against the sandbox: idempotent charges, refusals, and retries through an outage. */
class SandboxProviderTest {

    @Test
    void aRepeatedChargeWithTheSameKeyIsOneChargeAndABadTokenIsRefusedNotRetried() {
        try (PaymentSandbox sandbox = PaymentSandbox.start(SandboxSettings.forTests("sk_a", "whsec_a"))) {
            SandboxProvider provider = new SandboxProvider(sandbox.url(), "sk_a", Duration.ofSeconds(2), 3, Duration.ofMillis(10), TraceHeaders.NONE);
            var request = new PaymentProvider.ChargeRequest("payment-42", 42, 999, "EUR", "tok_visa", null);
            PaymentProvider.ProviderCharge first = provider.charge(request);
            PaymentProvider.ProviderCharge again = provider.charge(request);
            assertEquals(first, again);
            assertTrue(first.paymentMethod().startsWith("pm_"));
            assertEquals(1, sandbox.chargesFor(42).size());
            ProviderRefusedException refused = assertThrows(ProviderRefusedException.class,
                    () -> provider.charge(new PaymentProvider.ChargeRequest("payment-44", 44, 999, "EUR", "tok_nonsense", null)));
            assertEquals("token_invalid", refused.code());
            SandboxProvider wrongKey = new SandboxProvider(sandbox.url(), "sk_wrong", Duration.ofSeconds(2), 3, Duration.ofMillis(10), TraceHeaders.NONE);
            assertThrows(UnavailableException.class, () -> wrongKey.charge(new PaymentProvider.ChargeRequest("payment-46", 46, 1, "EUR", "tok_visa", null)));
            assertEquals(0, sandbox.chargesFor(46).size());
        }
    }

    @Test
    void anOutageIsRetriedWithTheSameKeyAndThenReportedUnavailable() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        java.util.List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        failing.createContext("/", exchange -> {
            try (exchange) {
                attempts.incrementAndGet();
                keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                exchange.sendResponseHeaders(503, -1);
            }
        });
        failing.start();
        try {
            SandboxProvider provider = new SandboxProvider(URI.create("http://127.0.0.1:" + failing.getAddress().getPort()), "sk",
                    Duration.ofSeconds(2), 3, Duration.ofMillis(10), TraceHeaders.NONE);
            assertThrows(UnavailableException.class,
                    () -> provider.charge(new PaymentProvider.ChargeRequest("payment-8", 8, 100, "EUR", "tok_visa", null)));
            assertEquals(3, attempts.get());
            assertEquals(java.util.List.of("payment-8", "payment-8", "payment-8"), keys);
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void theProviderIsCalledInTheCallersTrace() throws IOException {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        provider.createContext("/", exchange -> {
            try (exchange) {
                seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                exchange.sendResponseHeaders(503, -1);
            }
        });
        provider.start();
        try {
            TraceHeaders trace = new TraceHeaders(null, null) {
                @Override
                public java.util.Map<String, String> current() {
                    return java.util.Map.of("traceparent", traceparent);
                }
            };
            SandboxProvider traced = new SandboxProvider(URI.create("http://127.0.0.1:" + provider.getAddress().getPort()), "sk",
                    Duration.ofSeconds(2), 1, Duration.ofMillis(10), trace);
            assertThrows(UnavailableException.class,
                    () -> traced.charge(new PaymentProvider.ChargeRequest("payment-9", 9, 100, "EUR", "tok_visa", null)));
            assertEquals(java.util.List.of(traceparent), seen);
        } finally {
            provider.stop(0);
        }
    }
}
