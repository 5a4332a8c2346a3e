package com.cinemaabyss.catalog.search;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque search cursors: the sort values of the last hit of a page (the title id is always the last of them, so the
 * position is exact) and a fingerprint of the query they belong to, base64url-encoded. A cursor of another query, or one
 * this service did not issue, is a 400. Pages stay consistent while the index does not change under them.
 */
final class SearchCursor {

    private static final String PREFIX = "t1";

    private SearchCursor() {
    }

    static String encode(FieldDoc last, String resultKey) {
        StringBuilder raw = new StringBuilder(PREFIX).append('|').append(Integer.toHexString(resultKey.hashCode()));
        for (Object value : last.fields) {
            raw.append('|');
            switch (value) {
                case BytesRef bytes -> raw.append('s').append(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length)));
                case Float f -> raw.append('f').append(Float.floatToIntBits(f));
                case Integer i -> raw.append('i').append(i);
                case Long l -> raw.append('l').append(l);
                case null, default -> raw.append('n');
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    static FieldDoc decode(String cursor, String resultKey, Sort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            SortField[] fields = sort.getSort();
            if (parts.length != fields.length + 2 || !PREFIX.equals(parts[0])) {
                throw invalid();
            }
            if (!Integer.toHexString(resultKey.hashCode()).equals(parts[1])) {
                throw new InvalidInputException("query parameter 'cursor' belongs to another query: page with the same q, filters and sort");
            }
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                String part = parts[i + 2];
                char kind = part.isEmpty() ? 'x' : part.charAt(0);
                String value = part.isEmpty() ? "" : part.substring(1);
                SortField.Type type = fields[i].getType();
                SortField.Type expected = switch (kind) {
                    case 's' -> SortField.Type.STRING;
                    case 'f' -> SortField.Type.SCORE;
                    case 'i' -> SortField.Type.INT;
                    case 'l' -> SortField.Type.LONG;
                    default -> throw invalid();
                };
                if (expected != type) {
                    throw invalid();
                }
                values[i] = switch (kind) {
                    case 's' -> new BytesRef(Base64.getUrlDecoder().decode(value));
                    case 'f' -> Float.intBitsToFloat(Integer.parseInt(value));
                    case 'i' -> Integer.parseInt(value);
                    default -> Long.parseLong(value);
                };
            }
            return new FieldDoc(0, Float.NaN, values);
        } catch (IllegalArgumentException malformed) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("query parameter 'cursor' is not a cursor this service issued");
    }
}
