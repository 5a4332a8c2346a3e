package com.cinemaabyss.kit.events;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.JsonLimits;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out of CloudEvents: event data as records, whole events as structured-mode JSON. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonLimits.factory()).build();
    private static final EventFormat STRUCTURED = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private EventJson() {
    }

    public static byte[] toBytes(Object data) {
        return MAPPER.writeValueAsBytes(data);
    }

    public static <T> T data(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new InvalidInputException("CloudEvent " + event.getId() + " has no data");
        }
        try {
            return MAPPER.readValue(event.getData().toBytes(), type);
        } catch (JacksonException e) {
            if (e.getCause() instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("CloudEvent " + event.getId() + " data is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    public static String toStructured(CloudEvent event) {
        return new String(STRUCTURED.serialize(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static CloudEvent fromStructured(String json) {
        return STRUCTURED.deserialize(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
