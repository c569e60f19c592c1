package io.camelrrpc.component.internal.mqtt;

/**
 * Finds Paho 1.2.5's reader thread ("MQTT Rec: clientId"). That thread can die on an exception Paho does not catch
 * (a topic it cannot decode, on TLS connections where {@link InboundPacketStream} cannot look) without closing the
 * connection: the client then stays connected but reads nothing more.
 */
final class ReaderThreads {

    private ReaderThreads() {
    }

    static boolean alive(String clientId) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 32];
        int count = root.enumerate(threads, true);
        String name = "MQTT Rec: " + clientId;
        for (int i = 0; i < count; i++) {
            if (name.equals(threads[i].getName()) && threads[i].isAlive()) {
                return true;
            }
        }
        return false;
    }
}
