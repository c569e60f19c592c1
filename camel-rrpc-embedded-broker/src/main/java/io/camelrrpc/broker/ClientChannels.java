package io.camelrrpc.broker;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.moquette.broker.Server;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty channels of a Moquette server's connected clients. Moquette 0.17 exposes none, so this reaches them
 * through its private fields (server, session registry, session, connection), resolved once; if they are not there
 * (another Moquette version) it logs once and finds no channel.
 */
final class ClientChannels {

    private static final Logger LOG = LoggerFactory.getLogger(ClientChannels.class);
    /** Server.sessions -> SessionRegistry.pool (by client id) -> Session.mqttConnection -> MQTTConnection.channel. */
    private static final Field[] PATH = resolve();

    private final Server server;

    ClientChannels(Server server) {
        this.server = server;
    }

    /** The channel of this client's connection, or {@code null} when it has none (or the fields are missing). */
    Channel of(String clientId) throws IllegalAccessException {
        return PATH == null ? null : channelOf(sessions().get(clientId));
    }

    /** The channels of all clients connected now. */
    List<Channel> all() throws IllegalAccessException {
        List<Channel> channels = new ArrayList<>();
        if (PATH != null) {
            for (Object session : sessions().values()) {
                Channel channel = channelOf(session);
                if (channel != null) {
                    channels.add(channel);
                }
            }
        }
        return channels;
    }

    /** Moquette's live session map (concurrent: iterating it while clients come and go is safe). */
    private Map<?, ?> sessions() throws IllegalAccessException {
        return (Map<?, ?>) PATH[1].get(PATH[0].get(server));
    }

    private static Channel channelOf(Object session) throws IllegalAccessException {
        Object connection = session == null ? null : PATH[2].get(session);
        return connection == null ? null : (Channel) PATH[3].get(connection);
    }

    private static Field[] resolve() {
        try {
            return new Field[] { field(Server.class, "sessions"), field("io.moquette.broker.SessionRegistry", "pool"),
                    field("io.moquette.broker.Session", "mqttConnection"),
                    field("io.moquette.broker.MQTTConnection", "channel") };
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot reach Moquette's client channels ({}): clients keep Moquette's 64 KB write-buffer mark"
                     + " (QoS 0 messages beyond it are dropped), and a stop may leave a connection open", e.toString());
            return null;
        }
    }

    private static Field field(String className, String name) throws ReflectiveOperationException {
        return field(Class.forName(className, false, Server.class.getClassLoader()), name);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
