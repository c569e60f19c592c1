package io.camelrrpc.component.credentials;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Alibaba Cloud IoT Platform: client id {@code {clientId}|securemode=3,signmethod=hmacsha256,timestamp={ms}|}
 * (securemode 2 over TLS), user name {@code {deviceName}&{productKey}} and password
 * {@code hex(HMAC(deviceSecret, "clientId{clientId}deviceName{deviceName}productKey{productKey}timestamp{ms}"))}.
 */
public final class AlibabaDeviceCredentials implements DeviceCredentials {

    private static final int MAX_CLIENT_ID_LENGTH = 64;

    private final String productKey;
    private final String deviceName;
    private final String clientId;
    private final String deviceSecret;
    private final SignMethod signMethod;
    private final boolean tls;
    private final Clock clock;

    /** Signs with the current time. */
    public AlibabaDeviceCredentials(String productKey, String deviceName, String clientId, String deviceSecret,
                                    SignMethod signMethod, boolean tls) {
        this(productKey, deviceName, clientId, deviceSecret, signMethod, tls, Clock.systemUTC());
    }

    /**
     * @param  clientId                 the device's own client id (up to 64 characters, e.g. its MAC or serial
     *                                  number), or {@code null} for {@code {productKey}.{deviceName}} as Alibaba's
     *                                  console shows it
     * @param  tls                      whether the connection is TLS (securemode 2) or plain TCP (3)
     * @param  clock                    gives the timestamps
     * @throws IllegalArgumentException naming the option to fix (never showing the secret)
     */
    public AlibabaDeviceCredentials(String productKey, String deviceName, String clientId, String deviceSecret,
                                    SignMethod signMethod, boolean tls, Clock clock) {
        this.productKey = Objects.requireNonNull(productKey, "productKey");
        this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
        this.clientId = clientId != null ? clientId : productKey + "." + deviceName;
        if (this.clientId.isEmpty() || this.clientId.length() > MAX_CLIENT_ID_LENGTH || this.clientId.contains("|")
            || this.clientId.contains(",")) {
            throw new IllegalArgumentException("clientId '" + this.clientId + "' must have 1 to " + MAX_CLIENT_ID_LENGTH
                                               + " characters and no '|' or ',' (Alibaba adds its parameters after it)");
        }
        if (deviceSecret == null || deviceSecret.isEmpty()) {
            throw new IllegalArgumentException("deviceSecret must not be empty");
        }
        this.deviceSecret = deviceSecret;
        this.signMethod = Objects.requireNonNull(signMethod, "signMethod");
        this.tls = tls;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public MqttLogin nextLogin() {
        long timestamp = clock.millis();
        String mqttClientId = clientId + "|securemode=" + (tls ? 2 : 3) + ",signmethod=" + signMethod.label()
                              + ",timestamp=" + timestamp + "|";
        String signed = "clientId" + clientId + "deviceName" + deviceName + "productKey" + productKey + "timestamp"
                        + timestamp;
        return new MqttLogin(mqttClientId, deviceName + "&" + productKey,
                signMethod.hexHmac(deviceSecret.getBytes(StandardCharsets.UTF_8), signed));
    }

    /** Equal when they log in as the same device and client with the same secret and scheme; the clock does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AlibabaDeviceCredentials that && productKey.equals(that.productKey)
               && deviceName.equals(that.deviceName) && clientId.equals(that.clientId)
               && deviceSecret.equals(that.deviceSecret) && signMethod == that.signMethod && tls == that.tls;
    }

    @Override
    public int hashCode() {
        return Objects.hash(productKey, deviceName, clientId, signMethod, tls);
    }

    @Override
    public String toString() {
        return "Alibaba login of device " + productKey + "/" + deviceName + " as client " + clientId + " ("
               + signMethod.label() + ", securemode " + (tls ? 2 : 3) + ")";
    }
}
