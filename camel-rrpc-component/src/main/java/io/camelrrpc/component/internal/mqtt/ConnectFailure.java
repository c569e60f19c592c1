package io.camelrrpc.component.internal.mqtt;

import org.eclipse.paho.client.mqttv3.MqttException;

/** Turns Paho's reason codes into sentences that tell a user what to check. */
public final class ConnectFailure {

    private ConnectFailure() {
    }

    /** The options to check when the broker refuses the login of a connection with these settings. */
    public static String loginOptions(ConnectionSettings settings) {
        return settings.credentials() == null
                ? "userName/password"
                : "deviceSecret and the device's product and name; signed as " + settings.credentials();
    }

    static String explain(Throwable failure) {
        return explain(failure, "userName/password");
    }

    /** @param loginOptions what a refused login should make the user check, e.g. {@code userName/password} */
    static String explain(Throwable failure, String loginOptions) {
        if (!(failure instanceof MqttException e)) {
            return String.valueOf(failure.getMessage());
        }
        return switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION ->
                "bad user name or password (check " + loginOptions + ")";
            // Mosquitto answers a wrong password with this code, not with "bad user name or password"
            case MqttException.REASON_CODE_NOT_AUTHORIZED ->
                "not authorized: the broker refused the login (bad user name or password, or a client id it does not"
                                                             + " allow; check " + loginOptions + ")";
            case MqttException.REASON_CODE_INVALID_CLIENT_ID -> "the broker refused the client id (check clientId)";
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE -> "the broker is unavailable";
            case MqttException.REASON_CODE_SERVER_CONNECT_ERROR ->
                "cannot reach the broker (is it running, and is brokerUrl right?)"
                                                                   + causeText(e);
            case MqttException.REASON_CODE_CLIENT_TIMEOUT -> "the broker did not answer in time (connectionTimeout)";
            case MqttException.REASON_CODE_CLIENT_NOT_CONNECTED -> "not connected to the broker";
            case MqttException.REASON_CODE_CONNECTION_LOST -> "the connection to the broker was lost" + causeText(e);
            case MqttException.REASON_CODE_SOCKET_FACTORY_MISMATCH ->
                "brokerUrl scheme does not match the TLS settings (use ssl:// with sslContextParameters)";
            case MqttException.REASON_CODE_SSL_CONFIG_ERROR -> "TLS configuration error" + causeText(e);
            default -> e.getMessage() + " (Paho reason code " + e.getReasonCode() + ")" + causeText(e);
        };
    }

    private static String causeText(MqttException e) {
        return e.getCause() == null ? "" : ": " + e.getCause();
    }
}
