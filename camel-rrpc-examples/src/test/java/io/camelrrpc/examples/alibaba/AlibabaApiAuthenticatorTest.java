package io.camelrrpc.examples.alibaba;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.camelrrpc.examples.ExampleProperties.AlibabaApi;
import io.camelrrpc.examples.cloud.AlibabaExample;
import io.camelrrpc.examples.cloud.LoggedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Alibaba's documented example request, checked by the authenticator with a clock at its timestamp. */
class AlibabaApiAuthenticatorTest {

    private static final Clock EXAMPLE_TIME = Clock.fixed(Instant.parse("2016-02-23T12:46:24Z"), ZoneOffset.UTC);

    private final LoggedEvents logs = new LoggedEvents(AlibabaApiAuthenticator.class);

    @AfterEach
    void stopRecording() {
        logs.close();
    }

    @Test
    void acceptsAlibabasExampleOnceAndRefusesItsReplay() {
        AlibabaApiAuthenticator authenticator = exampleAuthenticator();

        authenticator.check(signedExample(Map.of()));

        assertRefused(() -> authenticator.check(signedExample(Map.of())), 400, "SignatureNonceUsed");
    }

    @Test
    void refusesTheExampleWithAChangedParameter() {
        assertRefused(() -> exampleAuthenticator().check(signedExample(Map.of("Format", "JSON"))), 400,
                "SignatureDoesNotMatch");
    }

    @Test
    void refusesTheExampleSixteenMinutesLater() {
        AlibabaApiAuthenticator authenticator = new AlibabaApiAuthenticator(new AlibabaApi("testid", "testsecret"),
                Clock.offset(EXAMPLE_TIME, Duration.ofMinutes(16)));

        assertRefused(() -> authenticator.check(signedExample(Map.of())), 400, "InvalidTimeStamp.Expired");
    }

    @Test
    void refusesAnotherAccessKeyId() {
        AlibabaApiAuthenticator authenticator = new AlibabaApiAuthenticator(new AlibabaApi("otherid", "testsecret"),
                EXAMPLE_TIME);

        assertRefused(() -> authenticator.check(signedExample(Map.of())), 404, "InvalidAccessKeyId.NotFound");
    }

    @Test
    void withoutKeysRequestsPassUncheckedAndOneWarningSaysSo() {
        AlibabaApiAuthenticator authenticator = new AlibabaApiAuthenticator(new AlibabaApi(null, ""), EXAMPLE_TIME);

        authenticator.check(new RpcParameters("GET", new TreeMap<>(Map.of("Action", "RRpc"))));
        authenticator.check(new RpcParameters("GET", new TreeMap<>(Map.of("Signature", "bogus"))));

        assertThat(logs.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("NOT authenticated", "rrpc.alibaba-api.access-key-id");
        });
    }

    @Test
    void aSecretWithoutItsKeyIdIsAConfigurationError() {
        assertThatThrownBy(() -> new AlibabaApiAuthenticator(new AlibabaApi(null, "s3cr3t"), EXAMPLE_TIME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rrpc.alibaba-api.access-key-id is not")
                .hasMessageNotContaining("s3cr3t");
    }

    private AlibabaApiAuthenticator exampleAuthenticator() {
        return new AlibabaApiAuthenticator(new AlibabaApi("testid", "testsecret"), EXAMPLE_TIME);
    }

    private static RpcParameters signedExample(Map<String, String> changes) {
        TreeMap<String, String> parameters = new TreeMap<>(AlibabaExample.PARAMETERS);
        parameters.put("Signature", AlibabaExample.SIGNATURE);
        parameters.putAll(changes);
        return new RpcParameters("GET", parameters);
    }

    private static void assertRefused(Runnable check, int status, String code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(AlibabaApiException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(status);
            assertThat(e.getCode()).isEqualTo(code);
        });
    }
}
