package io.camelrrpc.component;

import java.util.function.Consumer;

import io.camelrrpc.component.internal.late.LateReply;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each late reply of a producer to its lateReplyUri as a new exchange: the reply as body, the device, processId,
 * the call's timeout and how late the reply came as headers.
 */
final class LateReplyForwarder extends ServiceSupport implements Consumer<LateReply> {

    private static final Logger LOG = LoggerFactory.getLogger(LateReplyForwarder.class);

    private final Endpoint endpoint;
    private AsyncProducer producer;

    LateReplyForwarder(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(producer);
    }

    @Override
    public void accept(LateReply reply) {
        if (!isRunAllowed()) {
            LOG.debug("Dropped the late reply from {} to processId {}: the producer stopped", reply.address().device(),
                    reply.address().processId());
            return;
        }
        Exchange exchange = endpoint.createExchange();
        PayloadCodec.preferUtf8(exchange);
        Message message = exchange.getIn();
        message.setBody(reply.payload());
        message.setHeader(RrpcConstants.PRODUCT_ID, reply.address().productId());
        message.setHeader(RrpcConstants.DEVICE_NAME, reply.address().deviceName());
        message.setHeader(RrpcConstants.PROCESS_ID, reply.address().processId());
        message.setHeader(RrpcConstants.REQUEST_TIMEOUT, reply.timeoutMillis());
        message.setHeader(RrpcConstants.LATE_BY, reply.lateByMillis());
        producer.process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                LOG.warn("Could not hand the late reply from {} to processId {} to {}: {}", reply.address().device(),
                        reply.address().processId(), URISupport.sanitizeUri(endpoint.getEndpointUri()),
                        exchange.getException().getMessage());
            }
        });
    }
}
