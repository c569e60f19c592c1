package io.camelrrpc.component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import io.camelrrpc.component.mqtt.MqttConnection;
import io.camelrrpc.component.mqtt.Subscription;
import io.camelrrpc.component.observe.RequestDropReason;
import io.camelrrpc.component.observe.RrpcObserver;
import io.camelrrpc.component.threads.NamedThreadPool;
import io.camelrrpc.component.topic.RrpcAddress;
import io.camelrrpc.component.topic.TopicTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side: subscribes to the request topic of one device, or of many with {@code +}, runs the route for
 * each request on its own thread pool and publishes the route's result to the matching reply topic. It is started
 * only once the broker has confirmed the subscription.
 */
@ManagedResource(description = "RRPC consumer")
public class RrpcConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(RrpcConsumer.class);

    private final RrpcConfiguration configuration;
    private final TopicTemplate requestTemplate;
    private final TopicTemplate replyTemplate;
    private final LongAdder droppedRequests = new LongAdder();
    private final RrpcObserver observer;
    private NamedThreadPool workerPool;
    private MqttConnection connection;
    private Subscription subscription;
    private ExecutorService workers;

    public RrpcConsumer(RrpcEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.requestTemplate = configuration.requestTemplate();
        this.replyTemplate = configuration.replyTemplate();
        this.observer = endpoint.getComponent().observers();
    }

    @Override
    public RrpcEndpoint getEndpoint() {
        return (RrpcEndpoint) super.getEndpoint();
    }

    /** Requests dropped because the topic did not parse, they were too large, or every worker was busy. */
    @ManagedAttribute(description = "Requests dropped: bad topic, too large, or every worker and queue slot busy")
    public long getDroppedRequests() {
        return droppedRequests.sum();
    }

    /** The subscription filter, e.g. {@code $rrpc/rxd/P/+/+}. */
    @ManagedAttribute(description = "The request topics this consumer serves")
    public String getFilter() {
        return requestTemplate.filter(getEndpoint().getProductId(), getEndpoint().getDeviceName());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ThreadPoolProfile profile = new ThreadPoolProfile("RrpcConsumer");
        profile.setPoolSize(configuration.getConcurrentConsumers());
        profile.setMaxPoolSize(configuration.getConcurrentConsumers());
        profile.setMaxQueueSize(configuration.getConsumerQueueSize());
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        workerPool = new NamedThreadPool("executorService", configuration.getExecutorService(), profile);
        workers = workerPool.start(getEndpoint().getCamelContext(), this, "RrpcConsumer[" + getFilter() + "]");
        RrpcComponent component = getEndpoint().getComponent();
        connection = component.acquireConnection(getEndpoint().connectionSettings());
        try {
            subscription = connection.subscribe(subscription());
            if (configuration.getSharedSubscriptionGroup() != null) {
                SharedSubscriptionProbe.verify(connection, requestTemplate, configuration.getQos());
            }
        } catch (Exception e) {
            if (subscription != null) {
                connection.unsubscribe(subscription);
                subscription = null;
            }
            component.releaseConnection(connection.settings());
            connection = null;
            throw e;
        }
        LOG.info("Serving RRPC requests on '{}' via {}", subscription.brokerFilter(), connection.settings().describe());
    }

    private Subscription subscription() {
        String group = configuration.getSharedSubscriptionGroup();
        return group == null
                ? Subscription.of(getFilter(), configuration.getQos(), this::onRequest)
                : Subscription.shared(group, getFilter(), configuration.getQos(), this::onRequest);
    }

    @Override
    protected void doStop() throws Exception {
        if (connection != null) {
            if (subscription != null) {
                connection.unsubscribe(subscription);
                subscription = null;
            }
            getEndpoint().getComponent().releaseConnection(connection.settings());
            connection = null;
        }
        if (workerPool != null) {
            workerPool.stop(getEndpoint().getCamelContext());
            workers = null;
        }
        super.doStop();
    }

    private void onRequest(String topic, byte[] payload) {
        long arrivedNanos = System.nanoTime();
        RrpcAddress address = requestTemplate.parseTopic(topic);
        if (address != null && SharedSubscriptionProbe.isProbe(address)) {
            return;
        }
        if (address == null) {
            dropped(RequestDropReason.MALFORMED);
            LOG.debug("Dropped a message on '{}': the topic does not fit the request template {}", topic, requestTemplate);
            return;
        }
        if (payload.length > configuration.getMaxPayloadSize()) {
            dropped(RequestDropReason.OVERSIZED);
            LOG.warn("Dropped the request to {} (processId {}): {} bytes exceed maxPayloadSize {}", address.device(),
                    address.processId(), payload.length, configuration.getMaxPayloadSize());
            return;
        }
        try {
            workers.execute(() -> handle(address, payload, arrivedNanos));
        } catch (RejectedExecutionException e) {
            dropped(RequestDropReason.BUSY);
            LOG.warn("Dropped the request to {} (processId {}): all {} consumer threads and {} queue slots are busy",
                    address.device(), address.processId(), configuration.getConcurrentConsumers(),
                    configuration.getConsumerQueueSize());
        }
    }

    private void dropped(RequestDropReason reason) {
        droppedRequests.increment();
        observer.requestDropped(reason);
    }

    private void handle(RrpcAddress address, byte[] payload, long arrivedNanos) {
        Exchange exchange = createExchange(false);
        exchange.setPattern(ExchangePattern.InOut);
        PayloadCodec.preferUtf8(exchange);
        Message message = exchange.getIn();
        message.setBody(payload);
        message.setHeader(RrpcConstants.PRODUCT_ID, address.productId());
        message.setHeader(RrpcConstants.DEVICE_NAME, address.deviceName());
        message.setHeader(RrpcConstants.PROCESS_ID, address.processId());
        getAsyncProcessor().process(exchange, doneSync -> reply(exchange, address, arrivedNanos));
    }

    private void reply(Exchange exchange, RrpcAddress address, long arrivedNanos) {
        boolean failed = exchange.getException() != null;
        try {
            byte[] payload = replyPayload(exchange, address);
            if (payload == null) {
                return;
            }
            String topic = replyTemplate.topic(address.productId(), address.deviceName(), address.processId());
            connection.publish(topic, payload, configuration.getQos(), failure -> {
                if (failure != null) {
                    LOG.warn("Could not reply to {} (processId {}): {}", address.device(), address.processId(),
                            failure.getMessage());
                }
            });
        } catch (Exception e) {
            failed = true;
            getExceptionHandler().handleException(
                    "Could not reply to " + address.device() + " (processId " + address.processId() + ")", exchange, e);
        } finally {
            observer.requestHandled(address, failed, System.nanoTime() - arrivedNanos);
            releaseExchange(exchange, false);
        }
    }

    /** The reply's bytes, or {@code null} when a failed route should stay silent. */
    private byte[] replyPayload(Exchange exchange, RrpcAddress address) throws Exception {
        Exception failure = exchange.getException();
        if (failure == null) {
            byte[] reply = getEndpoint().getComponent().payloadCodec().encode(exchange.getMessage());
            if (reply.length > configuration.getMaxPayloadSize()) {
                throw new RrpcPayloadTooLargeException("reply", reply.length, configuration.getMaxPayloadSize(), address,
                        exchange);
            }
            return reply;
        }
        getExceptionHandler().handleException(
                "Route failed on the request to " + address.device() + " (processId " + address.processId() + ")",
                exchange, failure);
        return configuration.isReplyOnError() ? getEndpoint().getComponent().payloadCodec().encodeError(failure) : null;
    }
}
