package io.camelrrpc.component;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One embedded broker for all tests of a class; register it with {@code @RegisterExtension} on a static field. */
final class SharedEmbeddedBroker implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedMqttBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedMqttBroker.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.close();
    }

    String url() {
        return broker.getBrokerUrl();
    }
}
