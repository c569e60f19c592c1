package io.camelrrpc.broker;

import io.moquette.broker.Server;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the write-buffer mark of each client's connection when it connects. Moquette 0.17 drops a QoS 0 message
 * whenever the client's Netty channel holds more than its high-water mark of bytes not yet written (64 KB by
 * default, with no setting), and the broker's session thread queues writes faster than the channel writes them:
 * 256 requests of 4 KB sent at once lost 240. Moquette exposes no channel, so this reaches it through Moquette's
 * private fields (server, session registry, session, connection), resolved once; if they are not there (another
 * Moquette version) it logs once and changes nothing.
 */
final class OutboundBufferRaiser extends AbstractInterceptHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundBufferRaiser.class);

    private final Server server;
    private final WriteBufferWaterMark mark;
    /** Moquette's fields from the server to a client's channel, or null when this Moquette lacks them. */
    private final ChannelPath path;
    private final AtomicLong raised = new AtomicLong();

    /** Server.sessions -> SessionRegistry.pool (by client id) -> Session.mqttConnection -> MQTTConnection.channel. */
    private record ChannelPath(Field sessions, Field pool, Field connection, Field channel) {
        Channel of(Server server, String clientId) throws IllegalAccessException {
            Object session = ((Map<?, ?>) pool.get(sessions.get(server))).get(clientId);
            Object mqttConnection = session == null ? null : connection.get(session);
            return mqttConnection == null ? null : (Channel) channel.get(mqttConnection);
        }
    }

    OutboundBufferRaiser(Server server, int highWaterMarkBytes) {
        this.server = server;
        this.mark = new WriteBufferWaterMark(highWaterMarkBytes / 2, highWaterMarkBytes);
        ChannelPath found = null;
        try {
            found = new ChannelPath(field(Server.class, "sessions"), field("io.moquette.broker.SessionRegistry", "pool"),
                    field("io.moquette.broker.Session", "mqttConnection"),
                    field("io.moquette.broker.MQTTConnection", "channel"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot reach Moquette's client channels ({}): clients keep Moquette's 64 KB write-buffer mark,"
                     + " and QoS 0 messages beyond it are dropped", e.toString());
        }
        this.path = found;
    }

    private static Field field(String className, String name) throws ReflectiveOperationException {
        return field(Class.forName(className, false, Server.class.getClassLoader()), name);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
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
        if (path == null) {
            return;
        }
        try {
            Channel channel = path.of(server, message.getClientID());
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
