package com.cinemaabyss.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The sandbox's books, in memory: charges, the payment methods successful charges saved, refunds, and the answers
 * kept per Idempotency-Key. What a charge does is decided by its test token (see {@link TestToken}); the outcome is
 * told through {@code outcomes} (the webhooks), never in the answer to the create, which is always {@code pending}.
 */
final class Ledger {

    /**
     * A charge's result, to announce: the event type, the charge as it now is, how (delayed, twice), and the W3C
     * {@code traceparent} of the call that created it (null if none), so the webhook is part of the caller's trace.
     */
    record Outcome(String type, ObjectNode charge, TestToken token, String traceparent) {
    }

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PAYMENT_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final long MAX_AMOUNT = 99_999_999;
    private static final int MAX_KEY = 255;

    private final JsonMapper json;
    private final Clock clock;
    private final Consumer<Outcome> outcomes;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ObjectNode> charges = new HashMap<>();
    private final Map<String, TestToken> paymentMethods = new HashMap<>();
    private final Map<String, Kept> idempotent = new HashMap<>();
    private final List<ObjectNode> refunds = new ArrayList<>();

    private record Kept(String route, JsonNode request, ObjectNode answer) {
    }

    Ledger(JsonMapper json, Clock clock, Consumer<Outcome> outcomes) {
        this.json = json;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /** POST /v1/charges. The same Idempotency-Key with the same request answers the same charge and charges once. */
    synchronized ObjectNode charge(String idempotencyKey, JsonNode request, String traceparent) {
        return once("charges", idempotencyKey, request, () -> newCharge(request, traceparent));
    }

    /** POST /v1/refunds: never more than the charge's amount minus what was refunded of it already. */
    synchronized ObjectNode refund(String idempotencyKey, JsonNode request) {
        return once("refunds", idempotencyKey, request, () -> newRefund(request));
    }

    synchronized ObjectNode find(String chargeId) {
        ObjectNode charge = charges.get(chargeId);
        if (charge == null) {
            throw new ProviderError(404, "invalid_request_error", "resource_missing", "No such charge: " + chargeId);
        }
        return charge.deepCopy();
    }

    /** Every charge whose metadata names {@code paymentId}: what a test counts to see that a payment was charged once. */
    synchronized List<ObjectNode> chargesFor(String paymentId) {
        return charges.values().stream().filter(c -> paymentId.equals(c.path("metadata").path("payment_id").asString()))
                .map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> refunds() {
        return refunds.stream().map(ObjectNode::deepCopy).toList();
    }

    private ObjectNode once(String route, String key, JsonNode request, java.util.function.Supplier<ObjectNode> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw ProviderError.invalid("idempotency_key_invalid", "Idempotency-Key must be 1 to " + MAX_KEY + " characters");
        }
        Kept kept = idempotent.get(key);
        if (kept != null) {
            if (!kept.route.equals(route) || !kept.request.equals(request)) {
                throw new ProviderError(400, "idempotency_error", "idempotency_key_in_use",
                        "Keys for idempotent requests can only be used with the same parameters they were first used with.");
            }
            return kept.answer.deepCopy();
        }
        ObjectNode answer = create.get();
        idempotent.put(key, new Kept(route, request.deepCopy(), answer.deepCopy()));
        return answer;
    }

    private ObjectNode newCharge(JsonNode request, String traceparent) {
        long amount = amount(request.path("amount"), "amount");
        String currency = request.path("currency").asString("");
        if (!CURRENCY.matcher(currency).matches()) {
            throw ProviderError.invalid("parameter_invalid_currency", "currency must be three upper-case letters (ISO 4217)");
        }
        String paymentId = request.path("metadata").path("payment_id").asString("");
        if (!PAYMENT_ID.matcher(paymentId).matches()) {
            throw ProviderError.invalid("parameter_missing", "metadata.payment_id must be a positive integer");
        }
        String tokenName = request.path("payment_token").asString(null);
        String methodName = request.path("payment_method").asString(null);
        TestToken token;
        String paymentMethod = null;
        if (tokenName != null && methodName == null) {
            token = TestToken.named(tokenName).orElseThrow(() -> ProviderError.invalid("token_invalid", "No such token: " + abbreviated(tokenName)));
        } else if (methodName != null && tokenName == null) {
            token = paymentMethods.get(methodName);
            if (token == null) {
                throw ProviderError.invalid("payment_method_invalid", "No such payment method: " + abbreviated(methodName));
            }
            paymentMethod = methodName;
        } else {
            throw ProviderError.invalid("parameter_missing", "give exactly one of payment_token and payment_method");
        }
        if (paymentMethod == null && token.succeeds()) {
            paymentMethod = "pm_" + randomHex();
            // A saved card charged later off-session behaves as a plain good card.
            paymentMethods.put(paymentMethod, TestToken.VISA);
        }
        ObjectNode charge = json.createObjectNode();
        charge.put("id", "ch_" + randomHex());
        charge.put("object", "charge");
        charge.put("amount", amount);
        charge.put("currency", currency);
        charge.put("status", "pending");
        charge.put("off_session", request.path("off_session").asBoolean(false));
        if (paymentMethod != null) {
            charge.put("payment_method", paymentMethod);
        }
        charge.putObject("metadata").put("payment_id", paymentId);
        charge.put("amount_refunded", 0);
        charge.put("created", clock.instant().getEpochSecond());
        charges.put(charge.path("id").asString(), charge);

        ObjectNode settled = charge.deepCopy();
        if (token.succeeds()) {
            settled.put("status", "succeeded");
        } else {
            settled.put("status", "failed");
            settled.put("failure_code", "card_declined");
            settled.put("failure_message", "Your card was declined.");
        }
        charges.put(charge.path("id").asString(), settled);
        outcomes.accept(new Outcome(token.succeeds() ? "charge.succeeded" : "charge.failed", settled.deepCopy(), token, traceparent));
        return charge.deepCopy();
    }

    private ObjectNode newRefund(JsonNode request) {
        String chargeId = request.path("charge").asString("");
        ObjectNode charge = charges.get(chargeId);
        if (charge == null) {
            throw ProviderError.invalid("resource_missing", "No such charge: " + abbreviated(chargeId));
        }
        if (!"succeeded".equals(charge.path("status").asString())) {
            throw ProviderError.invalid("charge_not_refundable", "Charge " + chargeId + " has not succeeded");
        }
        long remaining = charge.path("amount").asLong() - charge.path("amount_refunded").asLong();
        long amount = request.has("amount") ? amount(request.path("amount"), "amount") : remaining;
        if (amount <= 0 || amount > remaining) {
            throw ProviderError.invalid("amount_too_large", "Refund amount must be from 1 to " + remaining + " (the charge's amount minus what was refunded)");
        }
        charge.put("amount_refunded", charge.path("amount_refunded").asLong() + amount);
        charge.put("refunded", charge.path("amount_refunded").asLong() == charge.path("amount").asLong());
        ObjectNode refund = json.createObjectNode();
        refund.put("id", "re_" + randomHex());
        refund.put("object", "refund");
        refund.put("charge", chargeId);
        refund.put("amount", amount);
        refund.put("currency", charge.path("currency").asString());
        refund.put("status", "succeeded");
        refund.put("created", clock.instant().getEpochSecond());
        refunds.add(refund);
        return refund.deepCopy();
    }

    private static long amount(JsonNode value, String field) {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_AMOUNT) {
            throw ProviderError.invalid("parameter_invalid_integer", field + " must be an integer from 0 to " + MAX_AMOUNT + " (minor units)");
        }
        return value.asLong();
    }

    private static String abbreviated(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    private String randomHex() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
