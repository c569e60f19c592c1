package io.camelrrpc.component.internal.mqtt;

/** An MQTT 5 broker refused a publish with an error reason code (e.g. not authorized, quota exceeded). */
public class MqttPublishRefusedException extends MqttConnectionException {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;

    public MqttPublishRefusedException(String message, int reasonCode) {
        super(message);
        this.reasonCode = reasonCode;
    }

    /** The PUBACK reason code, 0x80 or above: e.g. 0x87 not authorized, 0x97 quota exceeded, 0x99 payload format. */
    public int reasonCode() {
        return reasonCode;
    }
}
