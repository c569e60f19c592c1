package io.camelrrpc.component;

import io.camelrrpc.component.credentials.SignMethod;
import io.camelrrpc.component.credentials.TencentDeviceCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Tencent device key that is not canonical Base64 is taken with one WARN per credentials, never showing it. */
class DeviceKeyWarningTest {

    /** The key of Tencent's C device SDK's sample configuration (25 characters). */
    private static final String SDK_SAMPLE_KEY = "zOZXUaycuwleP0123478dBA==";

    @Test
    void aNonCanonicalKeyIsWarnedAboutOnceForItsCredentialsWithoutShowingIt() {
        try (LogCapture logs = LogCapture.start()) {
            TencentDeviceCredentials credentials = new TencentDeviceCredentials("P", "D", SDK_SAMPLE_KEY,
                    SignMethod.HmacSha1, "21010406");
            credentials.nextLogin();
            credentials.nextLogin();

            assertThat(logs.eventsOf(TencentDeviceCredentials.class)).singleElement().satisfies(event -> assertThat(event)
                    .startsWith("WARN").contains("P/D", "not canonical Base64", "17 bytes")
                    .doesNotContain(SDK_SAMPLE_KEY).doesNotContain(SDK_SAMPLE_KEY.substring(0, 8)));
        }
    }

    @Test
    void aCanonicalKeyIsNotWarnedAbout() {
        try (LogCapture logs = LogCapture.start()) {
            new TencentDeviceCredentials("P", "D", "AAECAwQFBgcICQoLDA0ODw==", SignMethod.HmacSha256, "12010126");

            assertThat(logs.eventsOf(TencentDeviceCredentials.class)).isEmpty();
        }
    }
}
