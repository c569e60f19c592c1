package io.camelrrpc.component.internal.mqtt;

import io.camelrrpc.component.credentials.DeviceCredentials;
import io.camelrrpc.component.credentials.MqttLogin;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A Paho client that logs in with a freshly signed client id, user name and password on every connect. Paho's
 * automatic reconnect (and {@link #reconnect()}) calls {@link #connect(MqttConnectOptions, Object, IMqttActionListener)}
 * again with the options of the first connect, so signing there renews the login for each attempt; Paho reads the
 * client id of each CONNECT from {@link #getClientId()}.
 */
final class SigningMqttClient extends MqttAsyncClient {

    private final DeviceCredentials credentials;
    /** The client id of the latest connect; null only while Paho's constructor runs. */
    private volatile String clientId;

    SigningMqttClient(String serverUri, DeviceCredentials credentials) throws MqttException {
        super(serverUri, credentials.nextLogin().clientId(), new MemoryPersistence());
        this.credentials = credentials;
    }

    @Override
    public IMqttToken connect(MqttConnectOptions options, Object userContext, IMqttActionListener callback)
            throws MqttException {
        MqttLogin login;
        try {
            login = credentials.nextLogin();
        } catch (RuntimeException e) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION, e);
        }
        clientId = login.clientId();
        options.setUserName(login.userName());
        options.setPassword(login.password().toCharArray());
        return super.connect(options, userContext, callback);
    }

    @Override
    public String getClientId() {
        String current = clientId;
        return current != null ? current : super.getClientId();
    }
}
