package io.camelrrpc.component.credentials;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tencent key authentication, checked against HMACs computed by openssl. */
class TencentDeviceCredentialsTest {

    /** Base64 of the bytes 00 01 02 ... 0f. */
    private static final String SECRET = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String SECRET_HEX = "000102030405060708090a0b0c0d0e0f";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    /** Always draws 0: the connection id is "AAAAA". */
    private static final RandomGenerator ZEROS = () -> 0L;

    @BeforeAll
    static void needsOpenssl() {
        OpensslHmac.assumeInstalled();
    }

    @Test
    void signsLikeTencentsJavaSdk() {
        MqttLogin login = new TencentDeviceCredentials("KL4J2ABCD8", "airConditioner1", SECRET, SignMethod.HmacSha256,
                "12010126", new SettableClock(NOW), ZEROS).nextLogin();

        String userName = "KL4J2ABCD8airConditioner1;12010126;AAAAA;1700000600";
        assertThat(login.clientId()).isEqualTo("KL4J2ABCD8airConditioner1");
        assertThat(login.userName()).isEqualTo(userName);
        assertThat(login.password()).isEqualTo(OpensslHmac.withHexKey("sha256", SECRET_HEX, userName) + ";hmacsha256")
                .matches("[0-9a-f]{64};hmacsha256");
    }

    @Test
    void signsLikeTencentsCSdkWithHmacSha1AndItsAppId() {
        MqttLogin login = new TencentDeviceCredentials("P", "D", SECRET, SignMethod.HmacSha1, "21010406",
                new SettableClock(NOW), ZEROS).nextLogin();

        String userName = "PD;21010406;AAAAA;1700000600";
        assertThat(login.userName()).isEqualTo(userName);
        assertThat(login.password()).isEqualTo(OpensslHmac.withHexKey("sha1", SECRET_HEX, userName) + ";hmacsha1");
    }

    @Test
    void everyLoginHasItsOwnConnectionIdAndCurrentExpiry() {
        SettableClock clock = new SettableClock(NOW);
        TencentDeviceCredentials credentials = new TencentDeviceCredentials("P", "D", SECRET, SignMethod.HmacSha256,
                "12010126", clock, new SplittableRandom(7));
        Set<String> connIds = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String[] parts = credentials.nextLogin().userName().split(";");
            assertThat(parts[2]).matches("[A-Za-z0-9]{5}");
            connIds.add(parts[2]);
        }
        assertThat(connIds).as("connection ids of 20 logins").hasSizeGreaterThan(15);

        clock.set(NOW.plusSeconds(3600));
        MqttLogin later = credentials.nextLogin();
        assertThat(later.userName()).endsWith(";1700004200");
        assertThat(later.password()).startsWith(OpensslHmac.withHexKey("sha256", SECRET_HEX, later.userName()));
    }

    @Test
    void refusesWhatTencentDoesNotSignWithoutShowingTheSecret() {
        assertThatThrownBy(() -> new TencentDeviceCredentials("P", "D", "not base64!", SignMethod.HmacSha256, "1"))
                .hasMessageContaining("deviceSecret is not Base64").hasMessageNotContaining("not base64!")
                .hasNoCause();
        assertThatThrownBy(() -> new TencentDeviceCredentials("P", "D", "", SignMethod.HmacSha256, "1"))
                .hasMessageContaining("deviceSecret must not be empty");
        assertThatThrownBy(() -> new TencentDeviceCredentials("P", "D", SECRET, SignMethod.HmacMd5, "1"))
                .hasMessageContaining("HmacSha256 or HmacSha1");
        assertThatThrownBy(() -> new TencentDeviceCredentials("P", "D", SECRET, SignMethod.HmacSha256, "a;b"))
                .hasMessageContaining("sdkAppId");
    }

    @Test
    void equalForTheSameDeviceAndKeyWhateverClockAndRandomAndNeverShowTheSecret() {
        TencentDeviceCredentials credentials = new TencentDeviceCredentials("P", "D", SECRET, SignMethod.HmacSha256,
                "12010126");
        TencentDeviceCredentials sameWithTestClock = new TencentDeviceCredentials("P", "D", SECRET,
                SignMethod.HmacSha256, "12010126", new SettableClock(NOW), ZEROS);

        assertThat(credentials).isEqualTo(sameWithTestClock).hasSameHashCodeAs(sameWithTestClock)
                .isNotEqualTo(new TencentDeviceCredentials("P", "E", SECRET, SignMethod.HmacSha256, "12010126"))
                .isNotEqualTo(new TencentDeviceCredentials("P", "D", "AAEC", SignMethod.HmacSha256, "12010126"))
                .isNotEqualTo(new TencentDeviceCredentials("P", "D", SECRET, SignMethod.HmacSha1, "12010126"));
        assertThat(credentials.toString()).contains("P/D").doesNotContain(SECRET);
        assertThat(credentials.nextLogin().toString()).doesNotContain(credentials.nextLogin().password().substring(0, 8))
                .contains("password=xxxxxx");
    }
}
