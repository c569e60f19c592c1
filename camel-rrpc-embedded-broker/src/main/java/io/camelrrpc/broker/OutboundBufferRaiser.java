package io.camelrrpc.broker;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the write-buffer mark of each client's connection when it connects. Moquette 0.17 drops a QoS 0 message
 * whenever the client's Netty channel holds more than its high-water mark of bytes not yet written (64 KB by
 * default, with no setting), and the broker's session thread queues writes faster than the channel writes them:
 * 256 requests of 4 KB sent at once lost 240. Where {@link ClientChannels} finds no channel it changes nothing.
 */
final class OutboundBufferRaiser extends AbstractInterceptHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundBufferRaiser.class);

    private final ClientChannels channels;
    private final WriteBufferWaterMark mark;
    private final AtomicLong raised = new AtomicLong();

    OutboundBufferRaiser(ClientChannels channels, int highWaterMarkBytes) {
        this.channels = channels;
        this.mark = new WriteBufferWaterMark(highWaterMarkBytes / 2, highWaterMarkBytes);
    }

    @Override
    public String getID() {
        return "rrpc-outbound-buffer";
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] { InterceptConnectMessage.class };
    }

    @Override
    public void onConnect(InterceptConnectMessage message) {
        try {
            Channel channel = channels.of(message.getClientID());
            if (channel != null) {
                channel.config().setWriteBufferWaterMark(mark);
                raised.incrementAndGet();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Cannot raise the write-buffer mark of client {}: {}", message.getClientID(), e.toString());
        }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // Moquette logs these itself
    }

    /** Connections whose mark was raised so far. */
    long raised() {
        return raised.get();
    }
}
