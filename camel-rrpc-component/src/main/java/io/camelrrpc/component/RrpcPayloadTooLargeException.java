package io.camelrrpc.component;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.Exchange;

/** A request or reply payload is larger than {@code maxPayloadSize}; nothing of it is sent or delivered. */
public class RrpcPayloadTooLargeException extends RrpcCallException {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int limit;

    public RrpcPayloadTooLargeException(String what, int size, int limit, RrpcAddress address, Exchange exchange) {
        super(what + " of " + size + " bytes exceeds maxPayloadSize " + limit, address, exchange, null);
        this.size = size;
        this.limit = limit;
    }

    public int getSize() {
        return size;
    }

    public int getLimit() {
        return limit;
    }
}
