package com.cinemaabyss.payments.provider;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.JsonLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.regex.Pattern;

/**
 * A provider webhook event, read only after its signature was verified: its id (what makes it once), its type, and the
 * charge it is about ({@code data.object}): the charge id, the payment it was made for (metadata payment_id), the saved
 * payment method, and the failure's code and message.
 */
public record WebhookEvent(String id, String type, String chargeId, long paymentId, String paymentMethod,
                           String failureCode, String failureMessage) {

    public static final String SUCCEEDED = "charge.succeeded";
    public static final String FAILED = "charge.failed";

    private static final JsonMapper JSON = JsonMapper.builder(JsonLimits.factory()).build();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,255}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.]{1,100}");
    private static final Pattern PAYMENT_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");

    public static WebhookEvent parse(byte[] body) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("webhook body is not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new InvalidInputException("webhook body must be a JSON object");
        }
        String id = text(event.path("id"), ID, "id");
        String type = text(event.path("type"), TYPE, "type");
        if (!SUCCEEDED.equals(type) && !FAILED.equals(type)) {
            return new WebhookEvent(id, type, null, 0, null, null, null);
        }
        JsonNode charge = event.path("data").path("object");
        String chargeId = text(charge.path("id"), ID, "data.object.id");
        long paymentId = Long.parseLong(text(charge.path("metadata").path("payment_id"), PAYMENT_ID, "data.object.metadata.payment_id"));
        String method = charge.path("payment_method").isString() ? text(charge.path("payment_method"), ID, "data.object.payment_method") : null;
        String code = null;
        String message = null;
        if (FAILED.equals(type)) {
            String given = charge.path("failure_code").asString("");
            code = CODE.matcher(given).matches() ? given : "charge_failed";
            message = charge.path("failure_message").asString("The charge failed.").replaceAll("\\p{Cntrl}", " ");
            message = message.isBlank() ? "The charge failed." : message.length() > 500 ? message.substring(0, 500) : message;
        }
        return new WebhookEvent(id, type, chargeId, paymentId, method, code, message);
    }

    public boolean isOutcome() {
        return chargeId != null;
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(type);
    }

    private static String text(JsonNode node, Pattern pattern, String field) {
        String value = node.isString() ? node.asString() : "";
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException("webhook field '" + field + "' is missing or malformed");
        }
        return value;
    }
}
