package io.camelrrpc.component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.camelrrpc.component.internal.Mqtt5Headers;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.InboundMessageListener;
import io.camelrrpc.component.internal.mqtt.MessageProperties;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishCallback;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.spi.RequestDropReason;
import io.camelrrpc.component.spi.RrpcObserver;
import io.camelrrpc.component.internal.threads.NamedThreadPool;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.component.internal.topic.TopicTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side: subscribes to the request topic of one device, or of many with {@code +}, runs the route for
 * each request on its own thread pool and publishes the route's result to the matching reply topic, or, when an
 * MQTT 5 request names a Response Topic, there, with the request's Correlation Data. It is started only once the
 * broker has confirmed the subscription.
 * <p>
 * A graceful stop suspends it first: it unsubscribes, so no new request comes, while Camel's shutdown strategy waits
 * (within its timeout) for the requests it has taken; their replies are published, and only then is the connection
 * let go.
 */
@ManagedResource(description = "RRPC consumer")
public class RrpcConsumer extends DefaultConsumer implements Suspendable, ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(RrpcConsumer.class);

    private final RrpcConfiguration configuration;
    private final TopicTemplate requestTemplate;
    private final TopicTemplate replyTemplate;
    private final Mqtt5Headers mqtt5Headers;
    private final LongAdder droppedRequests = new LongAdder();
    private final UnfinishedRequests unfinished = new UnfinishedRequests();
    private final InboundMessageListener requests = InboundMessageListener.of(this::onRequest, this::onOversizedRequest);
    private final RrpcObserver observer;
    private NamedThreadPool workerPool;
    private volatile MqttTransport connection;
    private Subscription subscription;
    private ExecutorService workers;
    private volatile boolean forcedShutdown;

    public RrpcConsumer(RrpcEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.requestTemplate = configuration.requestTemplate();
        this.replyTemplate = configuration.replyTemplate();
        this.mqtt5Headers = endpoint.mqtt5Headers();
        this.observer = endpoint.getComponent().observers();
    }

    @Override
    public RrpcEndpoint getEndpoint() {
        return (RrpcEndpoint) super.getEndpoint();
    }

    /**
     * Requests dropped because the topic did not parse, the payload was not the UTF-8 text it claimed to be, they were
     * too large, or every worker was busy.
     */
    @ManagedAttribute(description = "Requests dropped: bad topic or text, too large, or every worker and queue slot busy")
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
        forcedShutdown = false;
        RrpcComponent component = getEndpoint().getComponent();
        connection = component.acquireConnection(getEndpoint());
        try {
            subscribe();
        } catch (Exception e) {
            component.releaseConnection(connection, getEndpoint());
            connection = null;
            throw e;
        }
        LOG.info("Serving RRPC requests on '{}' via {}", subscription.brokerFilter(), connection.settings().describe());
    }

    private void subscribe() throws Exception {
        subscription = connection.subscribe(subscription());
        try {
            if (configuration.getSharedSubscriptionGroup() != null) {
                SharedSubscriptionProbe.verify(connection, requestTemplate, configuration.getQos());
            }
        } catch (Exception e) {
            unsubscribe();
            throw e;
        }
    }

    private void unsubscribe() {
        if (subscription != null) {
            connection.unsubscribe(subscription);
            subscription = null;
        }
    }

    private Subscription subscription() {
        String group = configuration.getSharedSubscriptionGroup();
        return group == null
                ? Subscription.of(getFilter(), configuration.getQos(), requests)
                : Subscription.shared(group, getFilter(), configuration.getQos(), requests);
    }

    /** Takes no new requests; those taken go on and are answered. */
    @Override
    protected void doSuspend() throws Exception {
        unsubscribe();
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        super.doResume();
        if (subscription == null) {
            subscribe();
        }
    }

    /** Suspended instead (it is {@link Suspendable}), while Camel waits for the requests taken. */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    /** Requests taken but not yet in the route, and replies being published: Camel's shutdown waits for them too. */
    @Override
    public int getPendingExchangesSize() {
        return unfinished.outsideRoute();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        forcedShutdown = forced;
    }

    /**
     * Unsubscribes, waits (unless the shutdown was forced, and within Camel's shutdown timeout) for the requests taken
     * to be answered, and only then lets go of the connection.
     */
    @Override
    protected void doStop() throws Exception {
        if (connection != null) {
            unsubscribe();
            if (!forcedShutdown) {
                long timeout = getEndpoint().getCamelContext().getShutdownStrategy().getTimeUnit()
                        .toMillis(getEndpoint().getCamelContext().getShutdownStrategy().getTimeout());
                if (!unfinished.awaitNone(timeout, TimeUnit.MILLISECONDS)) {
                    LOG.warn("Stopping the consumer of '{}' with {} request(s) unanswered after {} ms", getFilter(),
                            unfinished.count(), timeout);
                }
            }
        }
        if (workerPool != null) {
            workerPool.stop(getEndpoint().getCamelContext());
            workers = null;
        }
        if (connection != null) {
            getEndpoint().getComponent().releaseConnection(connection, getEndpoint());
            connection = null;
        }
        super.doStop();
    }

    private void onRequest(InboundMessage request) {
        long arrivedNanos = System.nanoTime();
        String topic = request.topic();
        byte[] payload = request.payload();
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
        if (request.isMalformedText()) {
            dropped(RequestDropReason.MALFORMED);
            LOG.debug("Dropped the request to {} (processId {}): its payload is not valid UTF-8, although its payload"
                      + " format indicator says it is text", address.device(), address.processId());
            return;
        }
        unfinished.taken();
        try {
            workers.execute(() -> handle(address, request.properties(), payload, arrivedNanos));
        } catch (RejectedExecutionException e) {
            unfinished.done();
            dropped(RequestDropReason.BUSY);
            LOG.warn("Dropped the request to {} (processId {}): all {} consumer threads and {} queue slots are busy",
                    address.device(), address.processId(), configuration.getConcurrentConsumers(),
                    configuration.getConsumerQueueSize());
        }
    }

    /** A request the connection skipped unread: larger than any endpoint on it accepts. */
    private void onOversizedRequest(String topic, int payloadBytes) {
        dropped(RequestDropReason.OVERSIZED);
        LOG.warn("Dropped a request on '{}': {} bytes exceed maxPayloadSize {}", topic, payloadBytes,
                configuration.getMaxPayloadSize());
    }

    private void dropped(RequestDropReason reason) {
        droppedRequests.increment();
        observer.requestDropped(reason);
    }

    private void handle(RrpcAddress address, MessageProperties requestProperties, byte[] payload, long arrivedNanos) {
        Exchange exchange = createExchange(false);
        exchange.setPattern(ExchangePattern.InOut);
        PayloadCodec.preferUtf8(exchange);
        Message message = exchange.getIn();
        message.setBody(payload);
        if (mqtt5Headers != null) {
            mqtt5Headers.inbound(requestProperties, message);
        }
        message.setHeader(RrpcConstants.PRODUCT_ID, address.productId());
        message.setHeader(RrpcConstants.DEVICE_NAME, address.deviceName());
        message.setHeader(RrpcConstants.PROCESS_ID, address.processId());
        // from here Camel's inflight registry counts the exchange until its route is done, then reply() counts it
        unfinished.entered();
        getAsyncProcessor().process(exchange, doneSync -> reply(exchange, address, requestProperties, arrivedNanos));
    }

    private void reply(Exchange exchange, RrpcAddress address, MessageProperties requestProperties, long arrivedNanos) {
        boolean failed = exchange.getException() != null;
        boolean publishing = false;
        unfinished.replying();
        try {
            byte[] payload = replyPayload(exchange, address);
            MqttTransport current = connection;
            if (payload == null) {
                return;
            }
            if (current == null) {
                LOG.warn("Could not reply to {} (processId {}): the consumer stopped", address.device(),
                        address.processId());
                return;
            }
            MessageProperties replyProperties = MessageProperties.reply(requestProperties.correlationData());
            if (mqtt5Headers != null && !failed) {
                replyProperties = mqtt5Headers.outbound(exchange.getMessage(), replyProperties);
            }
            publishing = true;
            publishReply(current, address, requestProperties.responseTopic(), replyProperties, payload, failure -> {
                unfinished.done();
                if (failure != null) {
                    LOG.warn("Could not reply to {} (processId {}): {}", address.device(), address.processId(),
                            failure.getMessage());
                }
            });
        } catch (Exception e) {
            failed = true;
            reportFailure("Could not reply to", address, exchange, e);
        } finally {
            if (!publishing) {
                unfinished.done();
            }
            observer.requestHandled(address, failed, System.nanoTime() - arrivedNanos);
            releaseExchange(exchange, false);
        }
    }

    /**
     * Publishes the reply: to the request's MQTT 5 Response Topic when it named one (as MQTT 5 requesters such as
     * {@code mosquitto_rr} expect), else to the reply template's topic; on MQTT 5 with its properties (the request's
     * Correlation Data, the route's headers and content type).
     */
    private void publishReply(MqttTransport transport, RrpcAddress address, String responseTopic,
                              MessageProperties properties, byte[] payload, PublishCallback done) {
        String topic = responseTopic != null
                ? responseTopic : replyTemplate.topic(address.productId(), address.deviceName(), address.processId());
        if (mqtt5Headers == null && responseTopic == null) {
            transport.publish(topic, payload, configuration.getQos(), done);
            return;
        }
        transport.publish(new OutboundMessage(topic, payload, configuration.getQos(), properties))
                .whenComplete((result, failure) -> done.completed(failure));
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
        reportFailure("Route failed on the request to", address, exchange, failure);
        return configuration.isReplyOnError() ? getEndpoint().getComponent().payloadCodec().encodeError(failure) : null;
    }

    /**
     * Hands a failure to the endpoint's own exceptionHandler if it has one; else logs one line naming the device, the
     * processId and the cause (the stack trace at DEBUG), without Camel's exchange text and never the payload.
     */
    private void reportFailure(String what, RrpcAddress address, Exchange exchange, Exception failure) {
        String message = what + " " + address.device() + " (processId " + address.processId() + ")";
        if (!(getExceptionHandler() instanceof LoggingExceptionHandler)) {
            getExceptionHandler().handleException(message, exchange, failure);
            return;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warn("{}: {}{}", message, failure, root == failure ? "" : ", caused by " + root);
        LOG.debug(message, failure);
    }
}
