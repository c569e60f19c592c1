package io.camelrrpc.component.credentials;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tencent IoT Hub key authentication: client id {@code {productId}{deviceName}}, user name
 * {@code {clientId};{sdkAppId};{connId};{expiry}} (5 random characters, an epoch second 10 minutes ahead, as Tencent's
 * Java device SDK) and password {@code hex(HMAC(base64decode(deviceSecret), userName));hmacsha256} (or
 * {@code ;hmacsha1}).
 */
public final class TencentDeviceCredentials implements DeviceCredentials {

    /** The app id of Tencent's Java device SDK; its C SDK uses {@code 21010406}. */
    public static final String JAVA_SDK_APP_ID = "12010126";
    static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final String CONN_ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int CONN_ID_LENGTH = 5;
    private static final Logger LOG = LoggerFactory.getLogger(TencentDeviceCredentials.class);

    private final String productId;
    private final String deviceName;
    private final byte[] key;
    private final SignMethod signMethod;
    private final String sdkAppId;
    private final Clock clock;
    private final RandomGenerator random;

    /** Signs with the current time and a secure random connection id. */
    public TencentDeviceCredentials(String productId, String deviceName, String deviceSecret, SignMethod signMethod,
                                    String sdkAppId) {
        this(productId, deviceName, deviceSecret, signMethod, sdkAppId, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * @param  deviceSecret             the device key (PSK) from the console, Base64 text; what Tencent's device
     *                                  SDKs take is taken, decoded as they do (e.g. their sample key with one
     *                                  {@code =} too many), with a WARN when it is not canonical Base64
     * @param  signMethod               {@link SignMethod#HmacSha256} or {@link SignMethod#HmacSha1}
     * @param  clock                    gives the expiry
     * @param  random                   gives the connection ids
     * @throws IllegalArgumentException naming the option to fix (never showing the secret)
     */
    public TencentDeviceCredentials(String productId, String deviceName, String deviceSecret, SignMethod signMethod,
                                    String sdkAppId, Clock clock, RandomGenerator random) {
        if (signMethod == SignMethod.HmacMd5) {
            throw new IllegalArgumentException("signMethod HmacMd5 is Alibaba's; Tencent signs with HmacSha256 or HmacSha1");
        }
        if (sdkAppId == null || sdkAppId.isBlank() || sdkAppId.contains(";")) {
            throw new IllegalArgumentException("sdkAppId must be a non-empty id without ';', e.g. " + JAVA_SDK_APP_ID);
        }
        this.productId = Objects.requireNonNull(productId, "productId");
        this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
        this.key = decode(deviceSecret);
        this.signMethod = Objects.requireNonNull(signMethod, "signMethod");
        this.sdkAppId = sdkAppId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Decodes the key as Tencent's device SDKs do ({@link DeviceKeyBase64}); warns when it is not canonical. */
    private byte[] decode(String deviceSecret) {
        Objects.requireNonNull(deviceSecret, "deviceSecret");
        byte[] decoded = DeviceKeyBase64.decode(deviceSecret);
        if (decoded.length == 0) {
            throw new IllegalArgumentException("deviceSecret must not be empty");
        }
        if (!DeviceKeyBase64.isCanonical(deviceSecret, decoded)) {
            LOG.warn("deviceSecret of Tencent device {}/{} is not canonical Base64 ({} characters): decoded to {} bytes"
                     + " as Tencent's device SDKs decode it; check the key against the console's", productId,
                    deviceName, deviceSecret.length(), decoded.length);
        }
        return decoded;
    }

    @Override
    public MqttLogin nextLogin() {
        String clientId = productId + deviceName;
        long expiry = clock.instant().plus(VALIDITY).getEpochSecond();
        String userName = clientId + ";" + sdkAppId + ";" + connId() + ";" + expiry;
        return new MqttLogin(clientId, userName, signMethod.hexHmac(key, userName) + ";" + signMethod.label());
    }

    private String connId() {
        char[] id = new char[CONN_ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = CONN_ID_CHARACTERS.charAt(random.nextInt(CONN_ID_CHARACTERS.length()));
        }
        return new String(id);
    }

    /** Equal when they log in as the same device with the same key and scheme; clock and random do not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TencentDeviceCredentials that && productId.equals(that.productId)
               && deviceName.equals(that.deviceName) && Arrays.equals(key, that.key) && signMethod == that.signMethod
               && sdkAppId.equals(that.sdkAppId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productId, deviceName, signMethod, sdkAppId);
    }

    @Override
    public String toString() {
        return "Tencent key authentication of device " + productId + "/" + deviceName + " (" + signMethod.label()
               + ", app id " + sdkAppId + ")";
    }
}
