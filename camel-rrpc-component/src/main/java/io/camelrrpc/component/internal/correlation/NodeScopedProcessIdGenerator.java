package io.camelrrpc.component.internal.correlation;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import io.camelrrpc.component.spi.ProcessIdGenerator;

/**
 * The default generator: 16 characters of {@code [0-9A-Za-z]}, always the same width. The first
 * {@value #NODE_CHARS} characters are a random node prefix (one of 62^6, about 5.7e10), so nodes sharing a broker
 * draw from disjoint ranges; the last {@value #COUNTER_CHARS} are a counter that would take 62^10 (8.4e17) calls to
 * wrap.
 */
public final class NodeScopedProcessIdGenerator implements ProcessIdGenerator {

    /** Characters in every id: Tencent's C SDK limit. */
    public static final int LENGTH = 16;
    static final int NODE_CHARS = 6;
    static final int COUNTER_CHARS = LENGTH - NODE_CHARS;
    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final String nodePrefix;
    private final AtomicLong counter = new AtomicLong();

    /** A generator with a random node prefix. */
    public NodeScopedProcessIdGenerator() {
        this(randomPrefix());
    }

    /**
     * A generator with a given node prefix.
     *
     * @param nodePrefix exactly {@value #NODE_CHARS} characters of {@code [0-9A-Za-z]}
     */
    public NodeScopedProcessIdGenerator(String nodePrefix) {
        if (nodePrefix == null || nodePrefix.length() != NODE_CHARS || !nodePrefix.chars().allMatch(c -> digit(c) >= 0)) {
            throw new IllegalArgumentException(
                    "node prefix must be " + NODE_CHARS + " characters of [0-9A-Za-z], got '" + nodePrefix + "'");
        }
        this.nodePrefix = nodePrefix;
    }

    private static String randomPrefix() {
        SecureRandom random = new SecureRandom();
        char[] prefix = new char[NODE_CHARS];
        for (int i = 0; i < NODE_CHARS; i++) {
            prefix[i] = DIGITS[random.nextInt(DIGITS.length)];
        }
        return new String(prefix);
    }

    private static int digit(int c) {
        for (int i = 0; i < DIGITS.length; i++) {
            if (DIGITS[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The prefix every id of this generator starts with. */
    public String nodePrefix() {
        return nodePrefix;
    }

    @Override
    public String nextId() {
        char[] id = new char[LENGTH];
        nodePrefix.getChars(0, NODE_CHARS, id, 0);
        long n = counter.getAndIncrement();
        for (int i = LENGTH - 1; i >= NODE_CHARS; i--) {
            id[i] = DIGITS[(int) Long.remainderUnsigned(n, DIGITS.length)];
            n = Long.divideUnsigned(n, DIGITS.length);
        }
        return new String(id);
    }
}
