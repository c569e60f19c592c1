package io.camelrrpc.broker;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

import io.moquette.broker.Server;
import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets Moquette stop in milliseconds instead of about 2 s. Moquette 0.17 shuts its Netty event loops down with Netty's
 * default quiet period, 2 s in which no new task may arrive, although a stopping broker serves no one any more. Shut
 * down first with no quiet period, they are already terminating when Moquette asks, and Moquette's stop only waits for
 * their end. This reaches Moquette's private fields (Server.acceptor, NewNettyAcceptor.bossGroup and workerGroup); if
 * they are not there (another Moquette version) it logs once and the stop takes its usual time.
 */
final class QuickStop {

    private static final Logger LOG = LoggerFactory.getLogger(QuickStop.class);
    private static final Field[] PATH = resolve();

    private QuickStop() {
    }

    /** Whether this Moquette has the fields it needs, so that stops are quick. */
    static boolean isAvailable() {
        return PATH != null;
    }

    /** Starts shutting down the server's event loops at once; call it right before {@link Server#stopServer()}. */
    static void shutDownEventLoops(Server server) {
        if (PATH == null) {
            return;
        }
        try {
            Object acceptor = PATH[0].get(server);
            for (int i = 1; i < PATH.length; i++) {
                EventLoopGroup group = acceptor == null ? null : (EventLoopGroup) PATH[i].get(acceptor);
                if (group != null) {
                    group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.debug("Moquette stops with Netty's quiet period: {}", e.toString());
        }
    }

    private static Field[] resolve() {
        try {
            Class<?> acceptor = Class.forName("io.moquette.broker.NewNettyAcceptor", false, Server.class.getClassLoader());
            return new Field[] { field(Server.class, "acceptor"), field(acceptor, "bossGroup"),
                    field(acceptor, "workerGroup") };
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("Cannot reach Moquette's event loops ({}): each stop waits Netty's 2 s quiet period", e.toString());
            return null;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
