package io.camelrrpc.component.internal.mqtt;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What Eclipse Paho 1.2.5 writes to a plain TCP connection, with a way for other threads to write whole packets in
 * between: {@link #writePacket}. Paho writes a packet in several writes (header, then payload through an 8 KB buffer,
 * so a large packet in pieces); its thread holds a lock from a packet's first byte to its last, found by following
 * the fixed headers, and {@link #writePacket} takes the same lock for one whole packet, so packets never interleave.
 * <p>
 * This is how QoS 0 messages leave on the publishing thread: through Paho they were queued to Paho's sender thread
 * and then reported done on its callback thread, two thread wake-ups per message.
 */
final class OutboundPacketStream extends OutputStream {

    private static final int FIRST_BYTE = 0;
    private static final int LENGTH = 1;
    private static final int BODY = 2;

    private final OutputStream out;
    private final long lockTimeoutMillis;
    private final Runnable onBroken;
    private final ReentrantLock lock = new ReentrantLock();
    /** Where Paho's writes stand in the current packet; touched only by the thread holding the lock. */
    private int state = FIRST_BYTE;
    private long remaining;
    private int multiplier;

    /**
     * @param out               the socket's stream
     * @param lockTimeoutMillis how long {@link #writePacket} waits for Paho to finish a packet before it fails
     * @param onBroken          closes the connection when a packet may have been written in part
     */
    OutboundPacketStream(OutputStream out, long lockTimeoutMillis, Runnable onBroken) {
        this.out = out;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.onBroken = onBroken;
    }

    /**
     * Writes one whole MQTT packet between Paho's packets.
     *
     * @throws IOException when the socket fails (the connection is then closed: the packet may be cut short), or Paho
     *                     holds the connection for longer than the lock timeout
     */
    void writePacket(byte[] packet) throws IOException {
        try {
            if (!lock.tryLock(lockTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new IOException("the connection was busy writing for more than " + lockTimeoutMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to write", e);
        }
        try {
            out.write(packet);
        } catch (IOException | RuntimeException e) {
            onBroken.run();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    /** Paho's writes: the lock is taken at a packet's first byte and given back after its last. */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!lock.isHeldByCurrentThread()) {
            lock.lock();
        }
        boolean written = false;
        try {
            out.write(b, off, len);
            follow(b, off, len);
            written = true;
        } finally {
            if (!written) {
                state = FIRST_BYTE; // the connection is broken: Paho closes it
            }
            if (state == FIRST_BYTE) {
                lock.unlock();
            }
        }
    }

    private void follow(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (state == FIRST_BYTE) {
                state = LENGTH;
                remaining = 0;
                multiplier = 1;
                i++;
            } else if (state == LENGTH) {
                int digit = b[i++];
                remaining += (long) (digit & 0x7F) * multiplier;
                multiplier *= 128;
                if ((digit & 0x80) == 0) {
                    state = remaining == 0 ? FIRST_BYTE : BODY;
                }
            } else {
                int n = (int) Math.min(remaining, end - i);
                i += n;
                remaining -= n;
                if (remaining == 0) {
                    state = FIRST_BYTE;
                }
            }
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
