package io.camelrrpc.examples.tencent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camelrrpc.examples.ExampleProperties.TencentApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What needs no HTTP server: configuration, the unsigned mode and its warning. */
class TencentApiAuthenticatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1551113065), ZoneOffset.UTC);

    private final Logger logger = (Logger) LoggerFactory.getLogger(TencentApiAuthenticator.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(logs);
    }

    @Test
    void withoutKeysRequestsPassUncheckedAndOneWarningSaysSo() {
        TencentApiAuthenticator authenticator = new TencentApiAuthenticator(new TencentApi(null, null), CLOCK);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.addHeader("Authorization", "TC3-HMAC-SHA256 Credential=whatever");
        request.addHeader("X-TC-Version", "2021-04-08");

        authenticator.check(request, new byte[0]);
        authenticator.check(new MockHttpServletRequest("POST", "/"), new byte[0]);

        assertThat(logs.list).singleElement().satisfies(event -> {
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

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("s3cr3t-key"));
        assertThat(new TencentApi("AKIDexample", "s3cr3t-key").toString()).doesNotContain("s3cr3t-key");
    }
}
