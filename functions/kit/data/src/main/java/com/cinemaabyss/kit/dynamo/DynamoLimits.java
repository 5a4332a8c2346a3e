package com.cinemaabyss.kit.dynamo;

import com.cinemaabyss.kit.core.InvalidInputException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What DynamoDB refuses as invalid, checked before the call so that it answers 400 rather than failing in DynamoDB:
 * keys of more than {@value #MAX_KEY_BYTES} bytes, and numbers with more than {@value #MAX_DIGITS} significant
 * digits or a magnitude outside 1E-130 .. 9.99E+125. Stores may call the field checks; the kit's client applies
 * {@link #check(SdkRequest)} to every item request.
 */
public final class DynamoLimits {

    public static final int MAX_KEY_BYTES = 2048;
    static final int MAX_DIGITS = 38;
    static final int MIN_EXPONENT = -130;
    static final int MAX_EXPONENT = 125;

    private DynamoLimits() {
    }

    /** A string that becomes a key: not empty, at most {@value #MAX_KEY_BYTES} bytes in UTF-8. */
    public static String requireKey(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("field '" + field + "' is required and must not be empty");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new InvalidInputException("field '" + field + "' must be at most " + MAX_KEY_BYTES + " bytes in UTF-8");
        }
        return value;
    }

    /** A number DynamoDB can store exactly. */
    public static BigDecimal requireNumber(BigDecimal value, String field) {
        if (value != null && !storable(value)) {
            throw new InvalidInputException("field '" + field + "' must have at most " + MAX_DIGITS
                    + " significant digits and a magnitude from 1E" + MIN_EXPONENT + " to below 1E" + (MAX_EXPONENT + 1));
        }
        return value;
    }

    static boolean storable(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        return stripped.precision() <= MAX_DIGITS && exponent >= MIN_EXPONENT && exponent <= MAX_EXPONENT;
    }

    /** Checks the keys and numbers of the item requests the stores make; other requests pass unchecked. */
    static void check(SdkRequest request) {
        switch (request) {
            case GetItemRequest r -> keys(r.key());
            case DeleteItemRequest r -> {
                keys(r.key());
                values(r.expressionAttributeValues());
            }
            case UpdateItemRequest r -> {
                keys(r.key());
                values(r.expressionAttributeValues());
            }
            case PutItemRequest r -> {
                values(r.item());
                values(r.expressionAttributeValues());
            }
            case QueryRequest r -> {
                keys(r.exclusiveStartKey());
                values(r.expressionAttributeValues());
            }
            case ScanRequest r -> keys(r.exclusiveStartKey());
            case TransactWriteItemsRequest r -> r.transactItems().forEach(DynamoLimits::transactItem);
            default -> {
            }
        }
    }

    private static void transactItem(TransactWriteItem item) {
        if (item.put() != null) {
            values(item.put().item());
            values(item.put().expressionAttributeValues());
        }
        if (item.update() != null) {
            keys(item.update().key());
            values(item.update().expressionAttributeValues());
        }
        if (item.delete() != null) {
            keys(item.delete().key());
        }
        if (item.conditionCheck() != null) {
            keys(item.conditionCheck().key());
        }
    }

    private static void keys(Map<String, AttributeValue> key) {
        if (key == null) {
            return;
        }
        key.forEach((name, value) -> {
            if (value.s() != null) {
                requireKey(value.s(), name);
            } else if (value.b() != null && value.b().asByteArrayUnsafe().length > MAX_KEY_BYTES) {
                throw new InvalidInputException("field '" + name + "' must be at most " + MAX_KEY_BYTES + " bytes");
            } else if (value.n() != null) {
                number(name, value.n());
            }
        });
    }

    private static void values(Map<String, AttributeValue> values) {
        if (values != null) {
            values.forEach(DynamoLimits::value);
        }
    }

    private static void value(String name, AttributeValue value) {
        if (value.n() != null) {
            number(name, value.n());
        } else if (value.hasNs()) {
            value.ns().forEach(n -> number(name, n));
        } else if (value.hasL()) {
            value.l().forEach(element -> value(name, element));
        } else if (value.hasM()) {
            values(value.m());
        }
    }

    private static void number(String name, String n) {
        BigDecimal number;
        try {
            number = new BigDecimal(n);
        } catch (NumberFormatException e) {
            return; // Not a number at all: DynamoDB says so, and that is our fault, not the caller's.
        }
        requireNumber(number, name.startsWith(":") ? "value" : name);
    }
}
