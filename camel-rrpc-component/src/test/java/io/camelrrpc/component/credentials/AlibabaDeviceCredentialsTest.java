package io.camelrrpc.component.credentials;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Alibaba's device login, checked against HMACs computed by openssl. */
class AlibabaDeviceCredentialsTest {

    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_123L);

    @BeforeAll
    static void needsOpenssl() {
        OpensslHmac.assumeInstalled();
    }

    @Test
    void signsAlibabasDocumentedExample() {
        // Alibaba's documentation: clientId 12345, deviceName device, productKey pk, timestamp 789, hmacsha1, secret
        MqttLogin login = new AlibabaDeviceCredentials("pk", "device", "12345", "secret", SignMethod.HmacSha1, false,
                new SettableClock(Instant.ofEpochMilli(789))).nextLogin();

        assertThat(login.clientId()).isEqualTo("12345|securemode=3,signmethod=hmacsha1,timestamp=789|");
        assertThat(login.userName()).isEqualTo("device&pk");
        assertThat(login.password())
                .isEqualTo(OpensslHmac.withTextKey("sha1", "secret", "clientId12345deviceNamedeviceproductKeypktimestamp789"));
    }

    @Test
    void signsWithHmacSha256AndTheConsoleClientIdByDefaultAndSecureMode2OverTls() {
        MqttLogin login = new AlibabaDeviceCredentials("a1B2c3D4e5F", "pump7", null, "s3cretOfPump7",
                SignMethod.HmacSha256, true, new SettableClock(NOW)).nextLogin();

        assertThat(login.clientId())
                .isEqualTo("a1B2c3D4e5F.pump7|securemode=2,signmethod=hmacsha256,timestamp=1700000000123|");
        assertThat(login.userName()).isEqualTo("pump7&a1B2c3D4e5F");
        assertThat(login.password()).isEqualTo(OpensslHmac.withTextKey("sha256", "s3cretOfPump7",
                "clientIda1B2c3D4e5F.pump7deviceNamepump7productKeya1B2c3D4e5Ftimestamp1700000000123"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void signsWithHmacMd5() {
        MqttLogin login = new AlibabaDeviceCredentials("pk", "dn", null, "k", SignMethod.HmacMd5, false,
                new SettableClock(NOW)).nextLogin();

        assertThat(login.clientId()).contains("signmethod=hmacmd5");
        assertThat(login.password()).isEqualTo(
                OpensslHmac.withTextKey("md5", "k", "clientIdpk.dndeviceNamednproductKeypktimestamp1700000000123"));
    }

    @Test
    void everyLoginCarriesTheCurrentTimestamp() {
        SettableClock clock = new SettableClock(NOW);
        AlibabaDeviceCredentials credentials = new AlibabaDeviceCredentials("pk", "dn", null, "k",
                SignMethod.HmacSha256, false, clock);
        MqttLogin first = credentials.nextLogin();
        clock.set(NOW.plusSeconds(5));
        MqttLogin second = credentials.nextLogin();

        assertThat(second.clientId()).contains("timestamp=1700000005123").isNotEqualTo(first.clientId());
        assertThat(second.password()).isNotEqualTo(first.password());
    }

    @Test
    void refusesClientIdsThatBreakTheParametersAndEmptySecrets() {
        assertThatThrownBy(() -> new AlibabaDeviceCredentials("pk", "dn", "a|b", "k", SignMethod.HmacSha256, false))
                .hasMessageContaining("clientId 'a|b'");
        assertThatThrownBy(() -> new AlibabaDeviceCredentials("pk", "dn", "x".repeat(65), "k", SignMethod.HmacSha256,
                false)).hasMessageContaining("1 to 64 characters");
        assertThatThrownBy(() -> new AlibabaDeviceCredentials("pk", "dn", null, "", SignMethod.HmacSha256, false))
                .hasMessageContaining("deviceSecret must not be empty");
    }

    @Test
    void equalForTheSameLoginWhateverClockAndNeverShowTheSecret() {
        AlibabaDeviceCredentials credentials = new AlibabaDeviceCredentials("pk", "dn", null, "k3y", SignMethod.HmacSha256,
                false);

        assertThat(credentials)
                .isEqualTo(new AlibabaDeviceCredentials("pk", "dn", "pk.dn", "k3y", SignMethod.HmacSha256, false,
                        new SettableClock(NOW)))
                .isNotEqualTo(new AlibabaDeviceCredentials("pk", "dn", null, "k3y", SignMethod.HmacSha256, true))
                .isNotEqualTo(new AlibabaDeviceCredentials("pk", "dn", null, "other", SignMethod.HmacSha256, false))
                .isNotEqualTo(new AlibabaDeviceCredentials("pk", "dn2", null, "k3y", SignMethod.HmacSha256, false));
        assertThat(credentials.toString()).contains("pk/dn").doesNotContain("k3y");
    }
}
