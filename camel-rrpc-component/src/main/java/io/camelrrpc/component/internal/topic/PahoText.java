package io.camelrrpc.component.internal.topic;

/**
 * What Eclipse Paho 1.2.5 accepts in a topic. Its UTF-8 check refuses every character from U+FDD0 up and, through
 * an inverted test, every surrogate pair (all characters outside the BMP, such as emoji): a topic with one of them
 * cannot be published, and a received one kills the client's reader thread.
 */
public final class PahoText {

    private static final char FIRST_REFUSED = '\uFDD0';

    private PahoText() {
    }

    /** Whether Paho 1.2.5 accepts this UTF-16 unit in a topic. */
    public static boolean encodable(char c) {
        return c < FIRST_REFUSED && !Character.isSurrogate(c) && c != 0;
    }
}
