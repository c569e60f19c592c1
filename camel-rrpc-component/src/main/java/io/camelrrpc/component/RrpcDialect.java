package io.camelrrpc.component;

import io.camelrrpc.component.internal.topic.TopicTemplate;

/** Which cloud's RRPC an endpoint speaks: its topics and, with deviceSecret, how a device signs its login. */
public enum RrpcDialect {
    /** Tencent IoT Hub: {@code $rrpc/rxd|txd/{productId}/{deviceName}/{processId}}, key authentication. */
    Tencent(TopicTemplate.TENCENT_REQUEST, TopicTemplate.TENCENT_REPLY),
    /**
     * Alibaba Cloud IoT Platform, system RRPC topics {@code /sys/{productKey}/{deviceName}/rrpc/request|response/...}
     * (productId is the ProductKey), replies at QoS 0 only, Alibaba's signed login.
     */
    Alibaba(TopicTemplate.ALIBABA_REQUEST, TopicTemplate.ALIBABA_REPLY),
    /** Topics from requestTopicTemplate and replyTopicTemplate, which must then be set; no deviceSecret. */
    Custom(null, null);

    private final String requestTopicTemplate;
    private final String replyTopicTemplate;

    RrpcDialect(String requestTopicTemplate, String replyTopicTemplate) {
        this.requestTopicTemplate = requestTopicTemplate;
        this.replyTopicTemplate = replyTopicTemplate;
    }

    /** The request topic template, or {@code null} for Custom. */
    public String requestTopicTemplate() {
        return requestTopicTemplate;
    }

    /** The reply topic template, or {@code null} for Custom. */
    public String replyTopicTemplate() {
        return replyTopicTemplate;
    }
}
