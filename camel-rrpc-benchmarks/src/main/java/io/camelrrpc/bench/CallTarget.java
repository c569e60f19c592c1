package io.camelrrpc.bench;

/** Something that makes request-reply calls asynchronously: the system under test of one benchmark cell. */
interface CallTarget extends AutoCloseable {

    /** Told once when a call ends. */
    @FunctionalInterface
    interface Done {
        /** @param ok whether the reply came and had the request's size */
        void done(boolean ok);
    }

    /**
     * Starts one call and returns without waiting; {@code done} runs once, on whatever thread completes the call.
     *
     * @param seq the call's sequence number (e.g. to pick a device)
     */
    void call(byte[] payload, long seq, Done done);

    /**
     * Replies that completed no call of this target so far: another system's or another transport's, or
     * duplicates. A clean run has none; the ceiling does not count them (0).
     */
    default long strayReplies() {
        return 0;
    }

    @Override
    void close() throws Exception;
}
