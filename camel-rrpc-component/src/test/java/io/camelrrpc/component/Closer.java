package io.camelrrpc.component;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what a test opened after it, the last opened first (nodes before their broker). Register it with
 * {@code @RegisterExtension}.
 */
final class Closer implements AfterEachCallback {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** @return the resource, closed after the test */
    <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }
}
