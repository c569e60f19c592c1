package io.camelrrpc.component.internal.correlation;

import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.internal.Mqtt5Headers;
import io.camelrrpc.component.internal.late.LateReplies;
import io.camelrrpc.component.internal.mqtt.MessageProperties;
import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * A call waiting for its reply (or, when its device is busy, for its turn). It is completed once, by whoever
 * removes it from the {@link ReplyCorrelator}: the reply, the timeout, a failed publish, a lost connection or a stop.
 */
public final class PendingCall {

    /** Longer timeouts never end in practice; the cap keeps deadline arithmetic from overflowing. */
    private static final long LONGEST_TIMEOUT_NANOS = Long.MAX_VALUE / 4;

    private final RrpcAddress address;
    private final Exchange exchange;
    private final AsyncCallback callback;
    private final long timeoutMillis;
    private final long deadlineNanos;
    private final String requestTopic;
    private final byte[] request;
    private final CallLimits limits;
    private final Object owner;
    private final LateReplies lateReplies;
    private final Mqtt5Headers mqtt5Headers;
    /** The bucket its timeout waits in, or {@code null}; see {@link TimeoutBuckets}. */
    volatile TimeoutBuckets.Bucket timeoutBucket;
    /** Its neighbours in that bucket; guarded by the bucket's lock, then the timer's once the bucket fired. */
    PendingCall timeoutPrev;
    PendingCall timeoutNext;
    /** Holds a slot of its device's lane; guarded by {@link DeviceLanes}. */
    boolean started;
    /** Waits in its device's lane for a slot; guarded by {@link DeviceLanes}. */
    boolean queued;
    /** Timed out and left its device's lane cooling down; set by {@link DeviceLanes#leave}. */
    boolean coolingDown;
    private DeviceReplySubscriptions.Entry replySubscription;
    private boolean finished;

    /**
     * @param owner       who made the call (its producer): {@link ReplyCorrelator#abandonCallsOf} ends its calls when
     *                    it stops
     * @param lateReplies what to do with a reply that comes after the timeout, or {@code null} not to remember the call
     *                    once it timed out (such a reply then counts as unmatched)
     * @param mqtt5Headers how headers travel as MQTT 5 properties, or {@code null} on MQTT 3.1.1
     */
    public PendingCall(RrpcAddress address, Exchange exchange, AsyncCallback callback, long timeoutMillis,
                       String requestTopic, byte[] request, CallLimits limits, Object owner, LateReplies lateReplies,
                       Mqtt5Headers mqtt5Headers) {
        this.address = address;
        this.exchange = exchange;
        this.callback = callback;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + Math.min(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), LONGEST_TIMEOUT_NANOS);
        this.requestTopic = requestTopic;
        this.request = request;
        this.limits = limits;
        this.owner = owner;
        this.lateReplies = lateReplies;
        this.mqtt5Headers = mqtt5Headers;
    }

    public RrpcAddress address() {
        return address;
    }

    public Exchange exchange() {
        return exchange;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** When the call times out, on the {@link System#nanoTime()} clock: its timeout counts from its creation. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Whether the call's deadline has passed at the given {@link System#nanoTime()}. */
    boolean overdueAt(long nowNanos) {
        return nowNanos - deadlineNanos >= 0;
    }

    String requestTopic() {
        return requestTopic;
    }

    byte[] request() {
        return request;
    }

    CallLimits limits() {
        return limits;
    }

    Object owner() {
        return owner;
    }

    LateReplies lateReplies() {
        return lateReplies;
    }

    /** The MQTT 5 properties of the request: {@code base} with the exchange's headers and content type. */
    MessageProperties requestProperties(MessageProperties base) {
        return mqtt5Headers == null ? base : mqtt5Headers.outbound(exchange.getMessage(), base);
    }

    /** Whether a reply on this address answers this call: same processId, product and device. */
    boolean answeredBy(RrpcAddress reply) {
        return address.equals(reply);
    }

    /**
     * Records the device reply subscription this call uses.
     *
     * @return {@code false} if the call is already over: the caller must release the entry itself
     */
    synchronized boolean attach(DeviceReplySubscriptions.Entry entry) {
        if (finished) {
            return false;
        }
        replySubscription = entry;
        return true;
    }

    /** Marks the call over and hands back the reply subscription it used, if any, for release. */
    synchronized DeviceReplySubscriptions.Entry detach() {
        finished = true;
        DeviceReplySubscriptions.Entry entry = replySubscription;
        replySubscription = null;
        return entry;
    }

    /** The device's reply becomes the message body, its MQTT 5 user properties and content type headers. */
    void succeed(byte[] reply, MessageProperties properties) {
        exchange.getMessage().setBody(reply);
        if (mqtt5Headers != null) {
            mqtt5Headers.inbound(properties, exchange.getMessage());
        }
        callback.done(false);
    }

    void fail(Exception failure) {
        exchange.setException(failure);
        callback.done(false);
    }
}
