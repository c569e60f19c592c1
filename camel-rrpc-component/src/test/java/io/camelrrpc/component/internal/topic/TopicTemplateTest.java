package io.camelrrpc.component.internal.topic;

import io.camelrrpc.component.spi.RrpcAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTemplateTest {

    private static final TopicTemplate TENCENT_REQUEST = TopicTemplate.parse("requestTopicTemplate", TopicTemplate.TENCENT_REQUEST);
    private static final TopicTemplate ALIBABA_REPLY
            = TopicTemplate.parse("replyTopicTemplate", "/sys/{productId}/{deviceName}/rrpc/response/{processId}");

    @Test
    void buildsTencentTopicsAndFilters() {
        assertThat(TENCENT_REQUEST.topic("KL4J2ABCD8", "airConditioner1", "42"))
                .isEqualTo("$rrpc/rxd/KL4J2ABCD8/airConditioner1/42");
        assertThat(TENCENT_REQUEST.filter("KL4J2ABCD8", "+")).isEqualTo("$rrpc/rxd/KL4J2ABCD8/+/+");
    }

    @Test
    void expressesAlibabaTopics() {
        assertThat(ALIBABA_REPLY.topic("a1B2", "lamp", "123")).isEqualTo("/sys/a1B2/lamp/rrpc/response/123");
        assertThat(ALIBABA_REPLY.filter("+", "+")).isEqualTo("/sys/+/+/rrpc/response/+");
        assertThat(ALIBABA_REPLY.parseTopic("/sys/a1B2/lamp/rrpc/response/123"))
                .isEqualTo(new RrpcAddress("a1B2", "lamp", "123"));
    }

    @Test
    void knowsWhenTwoTemplatesCanNameTheSameTopic() {
        TopicTemplate alibabaRequest = TopicTemplate.parse("request", TopicTemplate.ALIBABA_REQUEST);
        TopicTemplate customTopic = TopicTemplate.parse("request", "/ext/rrpc/{processId}/{productId}/{deviceName}/user/get");
        TopicTemplate swapped = TopicTemplate.parse("reply", "/ext/rrpc/{processId}/{deviceName}/{productId}/user/get");

        assertThat(customTopic.overlaps(customTopic)).as("Alibaba's custom-topic RRPC: one topic both ways").isTrue();
        assertThat(customTopic.overlaps(swapped)).as("placeholders in other places").isTrue();
        assertThat(TENCENT_REQUEST.overlaps(TopicTemplate.parse("reply", TopicTemplate.TENCENT_REPLY))).isFalse();
        assertThat(alibabaRequest.overlaps(ALIBABA_REPLY)).isFalse();
        assertThat(alibabaRequest.overlaps(TENCENT_REQUEST)).as("other level count").isFalse();
        assertThat(TopicTemplate.parse("a", "x/{productId}/{deviceName}/{processId}")
                .overlaps(TopicTemplate.parse("b", "{productId}/y/{deviceName}/{processId}")))
                .as("a literal level fits a placeholder").isTrue();
        assertThat(TopicTemplate.parse("a", "/{productId}/{deviceName}/{processId}")
                .overlaps(TopicTemplate.parse("b", "{productId}/x/{deviceName}/{processId}")))
                .as("a placeholder never takes the empty level before a leading '/'").isFalse();
    }

    @Test
    void readsAddressBackOutOfTopic() {
        assertThat(TENCENT_REQUEST.parseTopic("$rrpc/rxd/P/D/abc")).isEqualTo(new RrpcAddress("P", "D", "abc"));
    }

    @Test
    void rejectsTopicsOfAnotherShape() {
        assertThat(TENCENT_REQUEST.parseTopic("$rrpc/txd/P/D/abc")).isNull();
        assertThat(TENCENT_REQUEST.parseTopic("$rrpc/rxd/P/D")).isNull();
        assertThat(TENCENT_REQUEST.parseTopic("$rrpc/rxd/P/D/abc/extra")).isNull();
        assertThat(TENCENT_REQUEST.parseTopic("$rrpc/rxd/P/D/")).isNull();
        assertThat(TENCENT_REQUEST.parseTopic("$rrpc/rxd//D/1")).isNull();
        assertThat(TENCENT_REQUEST.parseTopic("")).isNull();
    }

    @Test
    void refusesBadTemplatesWithAHint() {
        assertThatThrownBy(() -> TopicTemplate.parse("requestTopicTemplate", "$rrpc/rxd/{productId}/{processId}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks {deviceName}");
        assertThatThrownBy(() -> TopicTemplate.parse("requestTopicTemplate", "a/{productId}/{deviceName}/{processId}/{processId}"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> TopicTemplate.parse("requestTopicTemplate", "a/x{productId}/{deviceName}/{processId}"))
                .hasMessageContaining("whole level");
        assertThatThrownBy(() -> TopicTemplate.parse("requestTopicTemplate", "a/+/{productId}/{deviceName}/{processId}"))
                .hasMessageContaining("wildcard");
        assertThatThrownBy(() -> TopicTemplate.parse("requestTopicTemplate", "#/{productId}/{deviceName}/{processId}"))
                .hasMessageContaining("wildcard");
        assertThatThrownBy(() -> TopicTemplate.parse("replyTopicTemplate", " "))
                .hasMessageContaining("replyTopicTemplate must not be empty");
    }

    @Test
    void checksTopicLevels() {
        assertThat(TopicNames.requireLevel("deviceName", "ok-1")).isEqualTo("ok-1");
        assertThat(TopicNames.requireLevelOrWildcard("deviceName", "+")).isEqualTo("+");
        for (String bad : new String[] { "a/b", "a+", "#", "a\u0000b" }) {
            assertThatThrownBy(() -> TopicNames.requireLevel("deviceName", bad))
                    .hasMessageContaining("deviceName").hasMessageContaining("cannot contain");
        }
        assertThatThrownBy(() -> TopicNames.requireLevel("productId", "")).hasMessage("productId must not be empty");
        assertThatThrownBy(() -> TopicNames.requireProcessId("12345678901234567", 16))
                .hasMessageContaining("17 bytes").hasMessageContaining("at most 16");
        assertThatThrownBy(() -> TopicNames.requireProcessId("ééééééééé", 16)).hasMessageContaining("18 bytes");
    }
}
