package io.camelrrpc.component;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.credentials.AlibabaDeviceCredentials;
import io.camelrrpc.component.credentials.DeviceCredentials;
import io.camelrrpc.component.credentials.MqttLogin;
import io.camelrrpc.component.credentials.OpensslHmac;
import io.camelrrpc.component.credentials.PythonBase64;
import io.camelrrpc.component.credentials.SettableClock;
import io.camelrrpc.component.credentials.SignMethod;
import io.camelrrpc.component.credentials.TencentDeviceCredentials;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A route logged in as a Tencent or an Alibaba device, on mosquitto whose password file holds exactly the login
 * that cloud's device SDKs compute, worked out here with the formulas and openssl, not with the component's code.
 * The device's clock and random are fixed so that the login is known in advance.
 */
class DeviceLoginIT {

    private static final String PRODUCT = "KL4J2ABCD8";
    private static final String DEVICE = "airConditioner1";
    private static final String CLOUD_USER = "cloud";
    private static final String CLOUD_PASSWORD = "Cloud-Pw-7Yt2";
    private static final Instant FIRST_CONNECT = Instant.ofEpochMilli(1_700_000_000_123L);
    private static final Instant AFTER_RESTART = FIRST_CONNECT.plusSeconds(3600);
    /** A signed password: 32 (MD5) to 64 (SHA-256) hex digits. */
    private static final String SIGNATURE = "[0-9a-f]{32,}";

    /** The two clouds, each with the login its SDKs compute, independently of the component. */
    enum Cloud {
        Tencent("AAECAwQFBgcICQoLDA0ODw==", "d3JvbmcgZGV2aWNlIGtleQ==") {
            @Override
            DeviceCredentials credentials(SettableClock clock) {
                RandomGenerator zeros = () -> 0L; // connection id "AAAAA"
                return new TencentDeviceCredentials(PRODUCT, DEVICE, secret, SignMethod.HmacSha256, "12010126", clock,
                        zeros);
            }

            @Override
            MqttLogin expectedLogin(Instant at) {
                String userName = PRODUCT + DEVICE + ";12010126;AAAAA;" + (at.getEpochSecond() + 600);
                return new MqttLogin(PRODUCT + DEVICE, userName,
                        OpensslHmac.withHexKey("sha256", "000102030405060708090a0b0c0d0e0f", userName) + ";hmacsha256");
            }
        },
        /** The key of Tencent's C device SDK's sample configuration: not canonical Base64, yet the SDKs take it. */
        TencentSdkSampleKey("zOZXUaycuwleP0123478dBA==", "d3JvbmcgZGV2aWNlIGtleQ==") {
            @Override
            DeviceCredentials credentials(SettableClock clock) {
                RandomGenerator zeros = () -> 0L;
                return new TencentDeviceCredentials(PRODUCT, DEVICE, secret, SignMethod.HmacSha1, "21010406", clock,
                        zeros);
            }

            @Override
            MqttLogin expectedLogin(Instant at) {
                String userName = PRODUCT + DEVICE + ";21010406;AAAAA;" + (at.getEpochSecond() + 600);
                String key = PythonBase64.decodeHex(List.of(secret)).get(0);
                return new MqttLogin(PRODUCT + DEVICE, userName,
                        OpensslHmac.withHexKey("sha1", key, userName) + ";hmacsha1");
            }

            @Override
            String dialect() {
                return Tencent.name();
            }
        },
        Alibaba("s3cretOfAirConditioner1", "wrongSecretOfAirConditioner1") {
            @Override
            DeviceCredentials credentials(SettableClock clock) {
                return new AlibabaDeviceCredentials(PRODUCT, DEVICE, null, secret, SignMethod.HmacSha256, false, clock);
            }

            @Override
            MqttLogin expectedLogin(Instant at) {
                long ms = at.toEpochMilli();
                String clientId = PRODUCT + "." + DEVICE;
                return new MqttLogin(clientId + "|securemode=3,signmethod=hmacsha256,timestamp=" + ms + "|",
                        DEVICE + "&" + PRODUCT, OpensslHmac.withTextKey("sha256", secret,
                                "clientId" + clientId + "deviceName" + DEVICE + "productKey" + PRODUCT + "timestamp" + ms));
            }
        };

        final String secret;
        final String wrongSecret;

        Cloud(String secret, String wrongSecret) {
            this.secret = secret;
            this.wrongSecret = wrongSecret;
        }

        abstract DeviceCredentials credentials(SettableClock clock);

        abstract MqttLogin expectedLogin(Instant at);

        /** The component's dialect for this cloud. */
        String dialect() {
            return name();
        }
    }

    private MosquittoBroker broker;
    private RrpcNode device;
    private RrpcNode cloud;

    @BeforeAll
    static void needsMosquittoAndOpenssl() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
        OpensslHmac.assumeInstalled();
        PythonBase64.assumeInstalled();
    }

    @AfterEach
    void stop() {
        for (RrpcNode node : new RrpcNode[] { device, cloud }) {
            if (node != null) {
                node.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void deviceLogsInWithTheSignedLoginAndAnswersCalls(Cloud dialect) throws Exception {
        MqttLogin expected = dialect.expectedLogin(FIRST_CONNECT);
        broker = brokerAccepting(expected);

        device = deviceNode(dialect, new SettableClock(FIRST_CONNECT)).start();
        cloud = cloudNode(dialect).start();

        assertThat(RrpcNode.replyText(cloud.request("rrpc:" + PRODUCT + "/" + DEVICE, "ping"))).isEqualTo("pong:ping");
        assertThat(device.connection().clientId()).isEqualTo(expected.clientId());
        assertThat(brokerLog()).contains("as " + expected.clientId() + " (p2, c1, k60, u'" + expected.userName() + "')");
        assertThat(device.connection() + " " + device.connection().settings()).doesNotContain(dialect.secret)
                .doesNotContainPattern(SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void everyReconnectLogsInAfresh(Cloud dialect) throws Exception {
        SettableClock clock = new SettableClock(FIRST_CONNECT);
        broker = brokerAccepting(dialect.expectedLogin(FIRST_CONNECT));
        device = deviceNode(dialect, clock).start();

        // the first login has expired (Tencent) or aged (Alibaba): the broker now takes only the next one
        clock.set(AFTER_RESTART);
        MqttLogin next = dialect.expectedLogin(AFTER_RESTART);
        broker.setCredentials(Map.of(next.userName(), next.password(), CLOUD_USER, CLOUD_PASSWORD));
        broker.restart();

        await("the device reconnected with a fresh login").atMost(Duration.ofSeconds(15))
                .until(() -> device.connection().isHealthy());
        assertThat(brokerLog()).contains("as " + next.clientId() + " (p2, c1, k60, u'" + next.userName() + "')");
        cloud = cloudNode(dialect).start();
        assertThat(RrpcNode.replyText(cloud.request("rrpc:" + PRODUCT + "/" + DEVICE, "after restart")))
                .isEqualTo("pong:after restart");
    }

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void wrongSecretFailsTheStartWithoutShowingSecretOrPassword(Cloud dialect) throws Exception {
        broker = brokerAccepting(dialect.expectedLogin(FIRST_CONNECT));
        Throwable failure;
        try (LogCapture logs = LogCapture.start()) {
            device = RrpcNode.create("device", broker.getBrokerUrl())
                    .routes(r -> r.from("rrpc:" + PRODUCT + "/" + DEVICE + "?dialect=" + dialect.dialect()
                                        + "&deviceSecret=RAW(" + dialect.wrongSecret + ")")
                            .transform(r.simple("pong:${body}")));

            failure = catchThrowable(device::start);

            assertThat(failure).as("start with a wrong deviceSecret").isNotNull();
            assertThat(logs.text()).doesNotContain(dialect.wrongSecret).doesNotContainPattern(SIGNATURE);
        }
        MqttConnectionException refused = Causes.find(failure, MqttConnectionException.class);
        assertThat(refused.getMessage()).contains(broker.getBrokerUrl(), "not authorized", "check deviceSecret",
                PRODUCT + "/" + DEVICE);
        assertThat(Causes.fullText(failure)).doesNotContain(dialect.wrongSecret).doesNotContainPattern(SIGNATURE);
        assertThat(device.context().isStarted()).isFalse();
    }

    private static MosquittoBroker brokerAccepting(MqttLogin deviceLogin) {
        return MosquittoBroker.builder().credentials(deviceLogin.userName(), deviceLogin.password())
                .credentials(CLOUD_USER, CLOUD_PASSWORD).start();
    }

    /** The device: a consumer signing its login with the fixed clock and random. */
    private RrpcNode deviceNode(Cloud dialect, SettableClock clock) throws Exception {
        RrpcNode node = RrpcNode.create("device", broker.getBrokerUrl(), c -> {
            c.setMaxReconnectDelay(500);
        });
        node.context().getRegistry().bind("login", dialect.credentials(clock));
        return node.routes(r -> r.from("rrpc:" + PRODUCT + "/" + DEVICE + "?dialect=" + dialect.dialect() + "&deviceCredentials=#login")
                .transform(r.simple("pong:${body}")));
    }

    /** The caller: a producer on the same dialect with an ordinary user. */
    private RrpcNode cloudNode(Cloud dialect) {
        return RrpcNode.create("cloud", broker.getBrokerUrl(), c -> {
            c.setDialect(RrpcDialect.valueOf(dialect.dialect()));
            c.setUserName(CLOUD_USER);
            c.setPassword(CLOUD_PASSWORD);
        });
    }

    private String brokerLog() throws Exception {
        return Files.readString(broker.getLogFile());
    }
}
