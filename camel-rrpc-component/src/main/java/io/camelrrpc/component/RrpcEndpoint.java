package io.camelrrpc.component;

import io.camelrrpc.component.internal.Mqtt5Headers;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.topic.TopicNames;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Calls a device and waits for its answer (producer), or answers calls as a device or a gateway of devices
 * (consumer), over MQTT with the Revert RPC topics of Tencent IoT Hub.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "rrpc", title = "RRPC", syntax = "rrpc:productId/deviceName",
             category = { Category.IOT, Category.MESSAGING }, headersClass = RrpcConstants.class)
public class RrpcEndpoint extends DefaultEndpoint implements HeaderFilterStrategyAware {

    @UriPath(description = "The product of the device; + on a consumer serves every product.")
    @Metadata(required = true)
    private String productId;
    @UriPath(description = "The device's name; + on a consumer serves every device of the product (a gateway).")
    @Metadata(required = true)
    private String deviceName;
    @UriParam
    private RrpcConfiguration configuration;
    @UriParam(label = "advanced",
              description = "Which headers travel as MQTT 5 user properties, both ways (protocolVersion=5 only: MQTT 3.1.1"
                            + " has no properties). The default lets no header or user property named Camel... or camel... cross.")
    private HeaderFilterStrategy headerFilterStrategy = new RrpcHeaderFilterStrategy();

    public RrpcEndpoint(String uri, RrpcComponent component, RrpcConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public RrpcComponent getComponent() {
        return (RrpcComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        TopicNames.requireLevel("productId of a producer", productId);
        TopicNames.requireLevel("deviceName of a producer", deviceName);
        return new RrpcProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        RrpcConsumer consumer = new RrpcConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The broker settings of this endpoint, with the device's signing credentials when it has a deviceSecret. */
    ConnectionSettings connectionSettings() {
        return configuration.connectionSettings(productId, deviceName);
    }

    /** How headers map to MQTT 5 properties, or {@code null} on MQTT 3.1.1, which has none. */
    Mqtt5Headers mqtt5Headers() {
        return configuration.mqttProtocolVersion() == MqttProtocolVersion.V5 ? new Mqtt5Headers(headerFilterStrategy) : null;
    }

    /**
     * Checks the options, also against this endpoint's device.
     *
     * @throws IllegalArgumentException naming the option and what to fix
     */
    void validate() {
        configuration.validate();
        configuration.validateDeviceLogin(productId, deviceName);
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getDeviceName() {
        return deviceName;
    }

    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
    }

    public RrpcConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RrpcConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }
}
