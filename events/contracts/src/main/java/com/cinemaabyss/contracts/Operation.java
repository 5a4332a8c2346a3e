package com.cinemaabyss.contracts;

import java.util.List;
import java.util.Locale;

/**
 * One AsyncAPI operation: a Knative Service ({@code x-service}) that sends to or receives from one topic.
 *
 * @param id           the operation's key in the AsyncAPI document
 * @param action       whether the service sends or receives
 * @param service      the Knative Service name
 * @param subscription for {@link Action#RECEIVE}, the KafkaSource that delivers the topic to the service; null for sends
 * @param topic        the Kafka topic (the channel's address)
 * @param types        the CloudEvent types of the operation's messages; empty when they carry no fixed type
 */
public record Operation(String id, Action action, String service, String subscription, String topic, List<String> types) {

    public Operation {
        types = List.copyOf(types);
    }

    public enum Action {
        SEND, RECEIVE;

        /** The action as written in AsyncAPI: {@code send} or {@code receive}. */
        public String asyncApiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Action fromAsyncApi(String name) {
            for (Action action : values()) {
                if (action.asyncApiName().equals(name)) {
                    return action;
                }
            }
            throw new IllegalArgumentException("unknown AsyncAPI operation action '" + name + "'");
        }
    }
}
