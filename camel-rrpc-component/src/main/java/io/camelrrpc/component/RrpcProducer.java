package io.camelrrpc.component;

import java.time.Duration;

import io.camelrrpc.component.internal.Mqtt5Headers;
import io.camelrrpc.component.internal.correlation.CallLimits;
import io.camelrrpc.component.internal.correlation.CorrelationStatistics;
import io.camelrrpc.component.internal.correlation.PendingCall;
import io.camelrrpc.component.internal.correlation.ReplyCorrelator;
import io.camelrrpc.component.internal.late.LateReplies;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.internal.observe.Observers;
import io.camelrrpc.component.internal.topic.TopicNames;
import io.camelrrpc.component.internal.topic.TopicTemplate;
import io.camelrrpc.component.spi.ProcessIdGenerator;
import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.TimeUtils;

/**
 * Sends the body to a device's request topic and completes the exchange with the device's reply, without holding
 * a thread while it waits.
 */
@ManagedResource(description = "RRPC producer; counts are those of every producer sharing its broker connection")
public class RrpcProducer extends DefaultAsyncProducer {

    private final RrpcConfiguration configuration;
    private final TopicTemplate requestTemplate;
    private final ProcessIdGenerator processIdGenerator;
    private final CallLimits limits;
    private final RrpcAddress endpointDevice;
    private final Mqtt5Headers mqtt5Headers;
    private MqttTransport connection;
    private ReplyCorrelator correlator;
    private LateReplyForwarder lateReplyForwarder;
    private LateReplies lateReplies;

    public RrpcProducer(RrpcEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.requestTemplate = configuration.requestTemplate();
        this.processIdGenerator = configuration.getProcessIdGenerator() != null
                ? configuration.getProcessIdGenerator() : endpoint.getComponent().defaultProcessIdGenerator();
        this.limits = configuration.callLimits();
        this.endpointDevice = new RrpcAddress(endpoint.getProductId(), endpoint.getDeviceName(), null);
        this.mqtt5Headers = endpoint.mqtt5Headers();
    }

    @Override
    public RrpcEndpoint getEndpoint() {
        return (RrpcEndpoint) super.getEndpoint();
    }

    /** The correlator this producer's calls wait in (shared with other producers on the same connection). */
    ReplyCorrelator getCorrelator() {
        return correlator;
    }

    @ManagedAttribute(description = "Calls waiting for a reply or for their turn")
    public int getPendingCalls() {
        return correlator == null ? 0 : correlator.pendingCalls();
    }

    @ManagedAttribute(description = "Calls completed by their reply")
    public long getReplies() {
        return correlator == null ? 0 : correlator.statistics().replies();
    }

    @ManagedAttribute(description = "Calls that timed out")
    public long getTimeouts() {
        return correlator == null ? 0 : correlator.statistics().timeouts();
    }

    @ManagedAttribute(description = "Calls failed otherwise: publish failed, connection lost, stopped")
    public long getFailures() {
        return correlator == null ? 0 : correlator.statistics().failures();
    }

    @ManagedAttribute(description = "Calls rejected by maxPendingCalls or deviceBusyPolicy=Reject")
    public long getRejections() {
        return correlator == null ? 0 : correlator.statistics().rejections();
    }

    @ManagedAttribute(description = "Replies dropped: late, duplicate, another node's, wrong device, bad topic or too large")
    public long getDroppedReplies() {
        if (correlator == null) {
            return 0;
        }
        CorrelationStatistics stats = correlator.statistics();
        return stats.unmatchedReplies() + stats.misaddressedReplies() + stats.malformedReplies()
               + stats.oversizedReplies();
    }

    @ManagedAttribute(description = "Replies to calls that timed out at most lateReplyWindow ago")
    public long getLateReplies() {
        return correlator == null ? 0 : correlator.recentCalls().lateReplies();
    }

    @ManagedAttribute(description = "Whether the broker connection is up with every subscription in place")
    public boolean isConnected() {
        return connection != null && connection.isHealthy();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getLateReplyUri() != null) {
            lateReplyForwarder = new LateReplyForwarder(
                    getEndpoint().getCamelContext().getEndpoint(configuration.getLateReplyUri()));
            ServiceHelper.startService(lateReplyForwarder);
        }
        lateReplies = new LateReplies(configuration.getLateReplyWindow(), lateReplyForwarder);
        RrpcComponent component = getEndpoint().getComponent();
        connection = component.acquireConnection(getEndpoint());
        try {
            correlator = component.acquireCorrelator(connection, getEndpoint());
        } catch (Exception e) {
            component.releaseConnection(connection, getEndpoint());
            connection = null;
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        RrpcComponent component = getEndpoint().getComponent();
        if (correlator != null) {
            correlator.abandonCallsOf(this);
            component.releaseCorrelator(connection, getEndpoint());
            correlator = null;
        }
        if (connection != null) {
            component.releaseConnection(connection, getEndpoint());
            connection = null;
        }
        ServiceHelper.stopService(lateReplyForwarder);
        lateReplyForwarder = null;
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        AsyncCallback done = observed(exchange, callback);
        try {
            Message message = exchange.getMessage();
            long timeout = timeoutOf(message);
            RrpcAddress address = new RrpcAddress(
                    TopicNames.requireLevel("productId (header " + RrpcConstants.PRODUCT_ID + ")",
                            message.getHeader(RrpcConstants.PRODUCT_ID, getEndpoint().getProductId(), String.class)),
                    TopicNames.requireLevel("deviceName (header " + RrpcConstants.DEVICE_NAME + ")",
                            message.getHeader(RrpcConstants.DEVICE_NAME, getEndpoint().getDeviceName(), String.class)),
                    TopicNames.requireProcessId(processIdGenerator.nextId(), configuration.getProcessIdMaxLength()));
            message.setHeader(RrpcConstants.PRODUCT_ID, address.productId());
            message.setHeader(RrpcConstants.DEVICE_NAME, address.deviceName());
            message.setHeader(RrpcConstants.PROCESS_ID, address.processId());
            byte[] payload = getEndpoint().getComponent().payloadCodec().encode(message);
            if (payload.length > limits.maxPayloadSize()) {
                throw new RrpcPayloadTooLargeException("request", payload.length, limits.maxPayloadSize(), address, exchange);
            }
            PayloadCodec.preferUtf8(exchange);
            String topic = requestTemplate.topic(address.productId(), address.deviceName(), address.processId());
            correlator.call(new PendingCall(address, exchange, done, timeout, topic, payload, limits, this, lateReplies,
                    mqtt5Headers));
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            done.done(true);
            return true;
        }
    }

    /** The callback, telling the component's observers first how the call ended, when anyone listens. */
    private AsyncCallback observed(Exchange exchange, AsyncCallback callback) {
        Observers observers = getEndpoint().getComponent().observers();
        if (observers.isEmpty()) {
            return callback;
        }
        return new ObservedCall(exchange, callback, observers, endpointDevice,
                () -> connection != null && connection.isConnected());
    }

    private long timeoutOf(Message message) {
        Object value = message.getHeader(RrpcConstants.REQUEST_TIMEOUT);
        if (value == null) {
            return configuration.getRequestTimeout();
        }
        long millis;
        if (value instanceof Number number) {
            millis = number.longValue();
        } else if (value instanceof Duration duration) {
            millis = duration.toMillis();
        } else {
            try {
                millis = TimeUtils.toMilliSeconds(value.toString());
            } catch (RuntimeException e) {
                millis = -1;
            }
        }
        if (millis <= 0) {
            throw new IllegalArgumentException(
                    "Header " + RrpcConstants.REQUEST_TIMEOUT + " must be a positive duration (milliseconds, a Duration"
                                               + " or text such as 2s), got '" + value + "'");
        }
        return millis;
    }
}
