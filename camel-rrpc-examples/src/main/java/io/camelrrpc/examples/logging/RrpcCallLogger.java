package io.camelrrpc.examples.logging;

import io.camelrrpc.component.RrpcConstants;
import io.camelrrpc.component.RrpcEndpoint;
import io.camelrrpc.component.RrpcTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one INFO line per call through an rrpc producer, whoever makes it (HTTP, Tencent API, YAML routes):
 * {@code rrpc call KL4J2ABCD8/airConditioner1 processId=0a1b2c3d4e5f6789 3 ms ok}; the outcome is {@code ok},
 * {@code timeout} or {@code error} with the reason.
 */
public class RrpcCallLogger extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger("io.camelrrpc.examples.calls");

    public RrpcCallLogger() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    /** Sending events must be accepted too: without them Camel does not time the call and sends no sent event. */
    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent sending && sending.getEndpoint() instanceof RrpcEndpoint
               || event instanceof ExchangeSentEvent sent && sent.getEndpoint() instanceof RrpcEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            log(sent);
        }
    }

    private static void log(ExchangeSentEvent sent) {
        RrpcEndpoint endpoint = (RrpcEndpoint) sent.getEndpoint();
        Exchange exchange = sent.getExchange();
        Message message = exchange.getMessage();
        LOG.info("rrpc call {}/{} processId={} {} ms {}",
                message.getHeader(RrpcConstants.PRODUCT_ID, endpoint.getProductId(), String.class),
                message.getHeader(RrpcConstants.DEVICE_NAME, endpoint.getDeviceName(), String.class),
                message.getHeader(RrpcConstants.PROCESS_ID, "-", String.class),
                sent.getTimeTaken(), outcome(exchange.getException()));
    }

    private static String outcome(Exception failure) {
        if (failure == null) {
            return "ok";
        }
        if (failure instanceof RrpcTimeoutException) {
            return "timeout";
        }
        return "error (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")";
    }
}
