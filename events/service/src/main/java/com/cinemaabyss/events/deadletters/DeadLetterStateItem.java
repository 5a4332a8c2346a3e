package com.cinemaabyss.events.deadletters;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** The operator's record of one dead letter (the Kafka record itself is never deleted). */
@DynamoDbBean
public class DeadLetterStateItem {
    private String id;
    private String status;
    private Integer replays;
    private String lastReplayAt;
    private Integer lastReplayCode;
    private String purgedAt;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getReplays() {
        return replays;
    }

    public void setReplays(Integer replays) {
        this.replays = replays;
    }

    @DynamoDbAttribute("last_replay_at")
    public String getLastReplayAt() {
        return lastReplayAt;
    }

    public void setLastReplayAt(String lastReplayAt) {
        this.lastReplayAt = lastReplayAt;
    }

    @DynamoDbAttribute("last_replay_code")
    public Integer getLastReplayCode() {
        return lastReplayCode;
    }

    public void setLastReplayCode(Integer lastReplayCode) {
        this.lastReplayCode = lastReplayCode;
    }

    @DynamoDbAttribute("purged_at")
    public String getPurgedAt() {
        return purgedAt;
    }

    public void setPurgedAt(String purgedAt) {
        this.purgedAt = purgedAt;
    }
}
