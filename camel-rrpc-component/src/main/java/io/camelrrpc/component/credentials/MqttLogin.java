package io.camelrrpc.component.credentials;

/**
 * What a client sends in one MQTT CONNECT to log in. The password is a secret: it never shows in {@link #toString()}.
 *
 * @param clientId the MQTT client id
 * @param userName the user name
 * @param password the password
 */
public record MqttLogin(String clientId, String userName, String password) {

    @Override
    public String toString() {
        return "MqttLogin[clientId=" + clientId + ", userName=" + userName + ", password=xxxxxx]";
    }
}
