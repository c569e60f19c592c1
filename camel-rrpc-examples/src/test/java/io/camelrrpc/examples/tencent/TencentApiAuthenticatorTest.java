package io.camelrrpc.examples.tencent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.camelrrpc.examples.ExampleProperties.TencentApi;
import io.camelrrpc.examples.cloud.LoggedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What needs no HTTP server: configuration, the unsigned mode and its warning. */
class TencentApiAuthenticatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1551113065), ZoneOffset.UTC);

    private final LoggedEvents logs = new LoggedEvents(TencentApiAuthenticator.class);

    @AfterEach
    void stopRecording() {
        logs.close();
    }

    @Test
    void withoutKeysRequestsPassUncheckedAndOneWarningSaysSo() {
        TencentApiAuthenticator authenticator = new TencentApiAuthenticator(new TencentApi(null, null), CLOCK);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.addHeader("Authorization", "TC3-HMAC-SHA256 Credential=whatever");
        request.addHeader("X-TC-Version", "2021-04-08");

        authenticator.check(request, new byte[0]);
        authenticator.check(new MockHttpServletRequest("POST", "/"), new byte[0]);

        assertThat(logs.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("NOT authenticated", "rrpc.tencent-api.secret-id");
        });
    }

    @Test
    void withoutKeysAnUnknownVersionIsStillRefused() {
        TencentApiAuthenticator authenticator = new TencentApiAuthenticator(new TencentApi(null, null), CLOCK);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.addHeader("X-TC-Version", "2017-03-12");

        assertThatThrownBy(() -> authenticator.check(request, new byte[0]))
                .isInstanceOfSatisfying(TencentApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo("NoSuchVersion"))
                .hasMessageContaining("2021-04-08");
    }

    @ParameterizedTest
    @ValueSource(strings = { "soon", "99999999999999999", "-99999999999999999" })
    void aTimestampThatIsNoUnixTimeIsInvalidParameter(String timestamp) {
        TencentApiAuthenticator authenticator = new TencentApiAuthenticator(new TencentApi("AKIDexample", "key"),
                CLOCK);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.addHeader("X-TC-Version", "2021-04-08");
        request.addHeader("X-TC-Timestamp", timestamp);
        request.addHeader("Authorization", "TC3-HMAC-SHA256 Credential=AKIDexample/2019-02-25/iotcloud/tc3_request,"
                                           + " SignedHeaders=content-type;host, Signature=00");

        assertThatThrownBy(() -> authenticator.check(request, new byte[0]))
                .isInstanceOfSatisfying(TencentApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo("InvalidParameter"))
                .hasMessageContaining("X-TC-Timestamp must be a Unix time in seconds");
    }

    @Test
    void aKeyWithoutItsSecretIsAConfigurationErrorThatNamesTheMissingProperty() {
        assertThatThrownBy(() -> new TencentApiAuthenticator(new TencentApi("AKIDonly", null), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rrpc.tencent-api.secret-key is not");
        assertThatThrownBy(() -> new TencentApiAuthenticator(new TencentApi(null, "s3cr3t-only"), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rrpc.tencent-api.secret-id is not")
                .hasMessageNotContaining("s3cr3t-only");
    }

    @Test
    void theSecretIsNeitherLoggedNorShownByTheProperties() {
        new TencentApiAuthenticator(new TencentApi("AKIDexample", "s3cr3t-key"), CLOCK);

        assertThat(logs.events()).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("s3cr3t-key"));
        assertThat(new TencentApi("AKIDexample", "s3cr3t-key").toString()).doesNotContain("s3cr3t-key");
    }
}
