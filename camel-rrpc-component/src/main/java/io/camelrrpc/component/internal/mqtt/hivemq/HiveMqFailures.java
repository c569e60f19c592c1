package io.camelrrpc.component.internal.mqtt.hivemq;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.exceptions.MqttDecodeException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import io.camelrrpc.component.internal.mqtt.MqttPublishRefusedException;

/** Turns the HiveMQ client's exceptions into sentences that tell a user what to check, and into typed failures. */
final class HiveMqFailures {

    private static final String BAD_CREDENTIALS = "bad user name or password (check userName/password)";
    private static final String LOGIN_REFUSED =
            "not authorized: the broker refused the login (bad user name or password, or a client id it does not allow)";
    private static final String CLIENT_ID_REFUSED = "the broker refused the client id (check clientId)";
    private static final String UNAVAILABLE = "the broker is unavailable";
    private static final String REFUSED = "the broker refused the connection: ";

    private HiveMqFailures() {
    }

    /** The failure behind the wrappers of futures. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
               && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** For a future's stage that must fail with this: throw what this returns. */
    static CompletionException rethrow(Throwable failure) {
        return failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    }

    static String explain(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof Mqtt5ConnAckException refused) {
            return explain(refused.getMqttMessage().getReasonCode());
        }
        if (cause instanceof Mqtt3ConnAckException refused) {
            return explain(refused.getMqttMessage().getReturnCode());
        }
        MqttDecodeException unreadable = decodeFailure(cause);
        if (unreadable != null && String.valueOf(unreadable.getMessage()).contains("CONNACK")) {
            return "the broker's answer to CONNECT could not be read: it may not speak this MQTT version"
                   + " (Moquette 0.17 has no MQTT 5): " + unreadable.getMessage();
        }
        if (unreadable != null) {
            return "malformed packet from the broker (" + unreadable.getMessage() + "): an MQTT client must close the"
                   + " connection on one (MQTT 3.1.1 section 4.8, MQTT 5 section 4.13)";
        }
        if (cause instanceof ConnectionFailedException) {
            return cause.getCause() instanceof SSLException tls
                    ? "TLS handshake with the broker failed (check sslContextParameters and the broker's certificate): "
                      + tls.getMessage()
                    : "cannot reach the broker (is it running, and is brokerUrl right?): " + cause.getMessage();
        }
        if (cause instanceof MqttSessionExpiredException || cause instanceof ConnectionClosedException) {
            return "the connection to the broker was lost: " + cause.getMessage();
        }
        if (cause instanceof MqttClientStateException) {
            return "not connected to the broker";
        }
        if (cause instanceof TimeoutException) {
            return "the broker did not answer in time (connectionTimeout)";
        }
        return String.valueOf(cause.getMessage());
    }

    /** Whether the broker refused the login: user name, password or client id. */
    static boolean loginRefused(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof Mqtt5ConnAckException refused) {
            Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
            return code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED;
        }
        return cause instanceof Mqtt3ConnAckException refused
               && (refused.getMqttMessage().getReturnCode() == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD
                   || refused.getMqttMessage().getReturnCode() == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED);
    }

    /** Whether the client could not decode what the broker sent: it then closes the connection. */
    static boolean malformedPacket(Throwable failure) {
        return decodeFailure(failure) != null;
    }

    private static MqttDecodeException decodeFailure(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof MqttDecodeException decode) {
                return decode;
            }
        }
        return null;
    }

    private static String explain(Mqtt5ConnAckReasonCode code) {
        return switch (code) {
            case BAD_USER_NAME_OR_PASSWORD -> BAD_CREDENTIALS;
            case NOT_AUTHORIZED -> LOGIN_REFUSED;
            case CLIENT_IDENTIFIER_NOT_VALID -> CLIENT_ID_REFUSED;
            case SERVER_UNAVAILABLE, SERVER_BUSY -> UNAVAILABLE;
            default -> REFUSED + code;
        };
    }

    private static String explain(Mqtt3ConnAckReturnCode code) {
        return switch (code) {
            case BAD_USER_NAME_OR_PASSWORD -> BAD_CREDENTIALS;
            case NOT_AUTHORIZED -> LOGIN_REFUSED;
            case IDENTIFIER_REJECTED -> CLIENT_ID_REFUSED;
            case SERVER_UNAVAILABLE -> UNAVAILABLE;
            default -> REFUSED + code;
        };
    }

    /** Why a publish failed: refused by an MQTT 5 broker with a reason code, or the connection's trouble. */
    static MqttConnectionException publishFailure(String broker, String topic, Throwable failure) {
        Throwable cause = unwrap(failure);
        String prefix = "Cannot publish to '" + topic + "' on " + broker + ": ";
        if (cause instanceof Mqtt5PubAckException refused) {
            Mqtt5PubAck pubAck = refused.getMqttMessage();
            return new MqttPublishRefusedException(prefix + "the broker refused it with reason code "
                                                   + pubAck.getReasonCode() + " (0x"
                                                   + Integer.toHexString(pubAck.getReasonCode().getCode()) + ")"
                                                   + pubAck.getReasonString().map(reason -> ": " + reason).orElse(""),
                    pubAck.getReasonCode().getCode());
        }
        return new MqttConnectionException(prefix + explain(cause), cause);
    }
}
