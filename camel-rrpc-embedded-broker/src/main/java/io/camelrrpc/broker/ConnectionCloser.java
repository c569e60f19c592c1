package io.camelrrpc.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the connections of a stopping Moquette while its event loops still run. Moquette 0.17 leaves them to the
 * shutdown of its event loops, and on Netty 4.2 that sometimes leaves a connection open whose client was writing
 * while the broker stopped (one stop in 20-30 here): the socket outlives the broker, nothing reads it, and its client
 * takes the connection for alive until its keep-alive runs out.
 */
final class ConnectionCloser {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCloser.class);
    private static final long WAIT_MILLIS = 5_000;

    private ConnectionCloser() {
    }

    /** Closes every client's channel and waits until each is closed (at most a few seconds in all). */
    static void closeAll(ClientChannels channels) {
        List<ChannelFuture> closing = new ArrayList<>();
        try {
            for (Channel channel : channels.all()) {
                closing.add(channel.close());
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.debug("Cannot close the clients' connections before the stop: {}", e.toString());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        for (ChannelFuture close : closing) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || !close.awaitUninterruptibly(left)) {
                LOG.warn("A client's connection did not close within {} ms of the broker's stop", WAIT_MILLIS);
                return;
            }
        }
    }
}
