package com.cinemaabyss.payments.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** Something that must happen once: a consumed CloudEvent id ({@code event:<id>}), a received webhook event ({@code webhook:<provider>:<id>}), both forgotten after {@code expires_at}; or a business key ({@code renewal:<subscription>:<renewal_of>}) with the payment it made, kept. */
@DynamoDbBean
public class ReceiptItem {
    private String id;
    private Long paymentId;
    private Long expiresAt;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(Long paymentId) {
        this.paymentId = paymentId;
    }

    @DynamoDbAttribute("expires_at")
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
