package io.camelrrpc.examples.http;

/** A request payload is larger than {@code rrpc.http.max-payload-bytes}; it is not sent to the device. */
public class PayloadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int payloadBytes;
    private final int maxPayloadBytes;

    public PayloadTooLargeException(int payloadBytes, int maxPayloadBytes) {
        super("The payload has " + payloadBytes + " bytes; devices accept at most " + maxPayloadBytes
              + " (rrpc.http.max-payload-bytes)");
        this.payloadBytes = payloadBytes;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public int getPayloadBytes() {
        return payloadBytes;
    }

    public int getMaxPayloadBytes() {
        return maxPayloadBytes;
    }
}
