package io.camelrrpc.component.internal.correlation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.component.RrpcConnectionLostException;
import io.camelrrpc.component.RrpcDeviceOfflineException;
import io.camelrrpc.component.RrpcPayloadTooLargeException;
import io.camelrrpc.component.RrpcRejectedException;
import io.camelrrpc.component.ReplySubscriptionMode;
import io.camelrrpc.component.RrpcTimeoutException;
import io.camelrrpc.component.internal.late.RecentCalls;
import io.camelrrpc.component.internal.mqtt.ConnectionListener;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.InboundMessageListener;
import io.camelrrpc.component.internal.mqtt.MessageProperties;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.spi.ReplyDropReason;
import io.camelrrpc.component.spi.RrpcObserver;
import io.camelrrpc.component.internal.threads.NamedThreadPool;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.component.internal.topic.TopicTemplate;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches replies to the calls waiting for them. One correlator, with one wildcard subscription to the reply topic,
 * serves every producer that shares a broker connection and reply template. Each pending call is registered
 * before its request is published and is completed exactly once: by its reply, its timeout, a failed publish, a
 * lost connection or a stop. A reply is matched by its MQTT 5 Correlation Data (the processId's bytes) when it
 * carries some, else by its topic; one whose topic and correlation data name different calls is dropped as
 * misaddressed. Replies that match no call are counted and dropped.
 */
public final class ReplyCorrelator extends ServiceSupport implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyCorrelator.class);
    /** How much later than its deadline a timeout may fire at most (plus the timer's jitter); never earlier. */
    private static final Duration TIMEOUT_RESOLUTION = Duration.ofMillis(10);

    private final CamelContext camelContext;
    private final MqttTransport connection;
    private final TopicTemplate replyTemplate;
    private final int qos;
    private final ReplySubscriptionMode mode;
    private final long lingerMillis;
    private final String replyExecutorService;
    private final RrpcObserver observer;
    private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
    private final DeviceLanes lanes = new DeviceLanes();
    private final CorrelationStatistics statistics = new CorrelationStatistics();
    private final InboundMessageListener replies = InboundMessageListener.of(this::onReply, this::onOversizedReply);
    private Subscription subscription;
    private DeviceReplySubscriptions deviceSubscriptions;
    private ScheduledExecutorService timer;
    private TimeoutBuckets timeouts;
    private NamedThreadPool completionPool;
    private ExecutorService completions;
    private RecentCalls recentCalls;

    /**
     * @param mode                 how replies are subscribed to
     * @param lingerMillis         in {@link ReplySubscriptionMode#PerDevice} mode, how long an unused device
     *                             subscription is kept
     * @param replyExecutorService where calls complete: a bean or ThreadPoolProfile name, or {@code null} for a pool
     *                             of the correlator's own
     * @param observer             told of dropped replies
     */
    public ReplyCorrelator(CamelContext camelContext, MqttTransport connection, TopicTemplate replyTemplate, int qos,
                           ReplySubscriptionMode mode, long lingerMillis, String replyExecutorService,
                           RrpcObserver observer) {
        this.camelContext = camelContext;
        this.connection = connection;
        this.replyTemplate = replyTemplate;
        this.qos = qos;
        this.mode = mode;
        this.lingerMillis = lingerMillis;
        this.replyExecutorService = replyExecutorService;
        this.observer = observer;
    }

    public CorrelationStatistics statistics() {
        return statistics;
    }

    /** The calls that ended lately, which tell late and duplicate replies apart from unmatched ones. */
    public RecentCalls recentCalls() {
        return recentCalls;
    }

    /** Runs the action for the address of each call pending now. */
    public void forEachPending(Consumer<RrpcAddress> action) {
        pending.values().forEach(call -> action.accept(call.address()));
    }

    /** Calls waiting for their reply (or their turn) now. */
    public int pendingCalls() {
        return pending.size();
    }

    /** Devices with calls in flight or waiting, under maxConcurrentCallsPerDevice. */
    public int busyDevices() {
        return lanes.size();
    }


    @Override
    protected void doStart() throws Exception {
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        // one task per timeout bucket holding calls: far fewer than the calls, yet up to one per TIMEOUT_RESOLUTION of
        // the longest timeout in use, so the queue keeps no limit (the default profile's 1000 is reached by timeouts
        // over 10 s); see TimeoutBuckets for which emptied buckets wait for their end and which are cancelled
        timer = executors.newScheduledThreadPool(this, "RrpcTimeouts", unboundedProfile("RrpcTimeouts", 1, -1));
        timeouts = new TimeoutBuckets(timer, TIMEOUT_RESOLUTION, this::expire);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        // not -1 here: for a plain thread pool Camel turns a queue size <= 0 into a SynchronousQueue, which rejects
        // whenever every thread is busy, and finish() would then run the route on the MQTT client's thread
        completionPool = new NamedThreadPool("replyExecutorService", replyExecutorService,
                unboundedProfile("RrpcReplies", threads, Integer.MAX_VALUE));
        completions = completionPool.start(camelContext, this, "RrpcReplies");
        recentCalls = new RecentCalls(this::runOnPool, System::nanoTime);
        connection.addListener(this);
        if (mode == ReplySubscriptionMode.Wildcard) {
            subscription = connection.subscribe(Subscription.of(replyTemplate.filter("+", "+"), qos, replies));
        } else {
            deviceSubscriptions = new DeviceReplySubscriptions(connection, replyTemplate, qos, replies);
            long sweep = Math.max(100, lingerMillis / 4);
            timer.scheduleWithFixedDelay(() -> deviceSubscriptions.expireIdle(TimeUnit.MILLISECONDS.toNanos(lingerMillis)),
                    sweep, sweep, TimeUnit.MILLISECONDS);
        }
    }

    /** Devices with a reply subscription of their own now ({@link ReplySubscriptionMode#PerDevice} mode). */
    public int deviceSubscriptions() {
        return deviceSubscriptions == null ? 0 : deviceSubscriptions.size();
    }

    /**
     * A fixed-size pool whose queue is bounded only by the number of pending calls: maxQueueSize -1 for a scheduled
     * pool, {@link Integer#MAX_VALUE} for a plain one.
     */
    private static ThreadPoolProfile unboundedProfile(String name, int threads, int maxQueueSize) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(maxQueueSize);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    @Override
    protected void doStop() throws Exception {
        connection.removeListener(this);
        if (subscription != null) {
            connection.unsubscribe(subscription);
            subscription = null;
        }
        if (deviceSubscriptions != null) {
            deviceSubscriptions.clear();
        }
        failAll(call -> true, ReplyCorrelator::producerStopped);
        camelContext.getExecutorServiceManager().shutdownNow(timer);
        completionPool.stop(camelContext);
    }

    /**
     * Registers the call, starts its timeout and publishes its request, at once or when its device has a free slot.
     *
     * @throws RrpcRejectedException when {@link CallLimits#maxPendingCalls()} calls are already pending
     * @throws IllegalStateException when the processId is already pending (the generator repeated an id)
     */
    public void call(PendingCall call) throws RrpcCallException {
        CallLimits limits = call.limits();
        if (pending.size() >= limits.maxPendingCalls()) {
            statistics.rejections.increment();
            throw new RrpcRejectedException(
                    limits.maxPendingCalls() + " calls are already pending (maxPendingCalls)", call.address(),
                    call.exchange());
        }
        String processId = call.address().processId();
        if (pending.putIfAbsent(processId, call) != null) {
            throw new IllegalStateException(
                    "processId " + processId + " is already waiting for a reply: the ProcessIdGenerator must not repeat ids");
        }
        try {
            timeouts.add(call);
        } catch (RejectedExecutionException e) {
            pending.remove(processId, call);
            throw new RrpcCallException("the producer is stopping", call.address(), call.exchange(), e);
        }
        statistics.calls.increment();
        if (pending.get(processId) != call) {
            // ended while it was being registered (e.g. the connection was lost): nothing to send, no timeout to keep
            timeouts.remove(call);
            return;
        }
        if (limits.maxConcurrentCallsPerDevice() <= 0) {
            send(call);
            return;
        }
        switch (lanes.admit(call, limits, pending)) {
            case STARTED -> send(call);
            case QUEUED -> LOG.debug("Call {} to {} waits: the device is busy", processId, call.address().device());
            case ENDED -> LOG.debug("Call {} to {} ended before it was sent", processId, call.address().device());
            case REFUSED -> reject(call, "device busy with " + limits.maxConcurrentCallsPerDevice()
                                         + " call(s) in flight (maxConcurrentCallsPerDevice, deviceBusyPolicy=Reject)");
            case REFUSED_COOLING_DOWN -> reject(call, "device's last call timed out less than "
                                                      + limits.afterTimeoutDelayMillis()
                                                      + " ms ago (afterTimeoutDelay, deviceBusyPolicy=Reject)");
        }
    }

    private void reject(PendingCall call, String reason) {
        finish(call, c -> {
            statistics.rejections.increment();
            c.fail(new RrpcRejectedException(reason, c.address(), c.exchange()));
        });
    }

    private void send(PendingCall call) {
        if (deviceSubscriptions == null) {
            publish(call, subscription);
            return;
        }
        DeviceReplySubscriptions.Entry entry = deviceSubscriptions.acquire(call.address());
        if (!call.attach(entry)) {
            deviceSubscriptions.release(call.address(), entry);
            return;
        }
        entry.ready.whenComplete((ignored, failure) -> {
            if (failure != null) {
                finish(call, c -> failed(c, new RrpcCallException(
                        "cannot subscribe to the device's replies: " + failure.getMessage(), c.address(), c.exchange(),
                        failure)));
            } else if (pending.get(call.address().processId()) == call) {
                publish(call, entry.subscription);
            }
        });
    }

    /**
     * Publishes the call's request only while its reply subscription is in place: else the reply could not arrive,
     * and the call fails at once instead of timing out. Only the subscription decides. The connection's state, read
     * after it, only says why: a client that was down when asked may be up again an instant later, before the
     * request would go out, yet without the reply subscription, which comes back only with the broker's answer to the
     * restore's SUBSCRIBE.
     */
    private void publish(PendingCall call, Subscription replies) {
        if (!connection.isSubscribed(replies)) {
            if (connection.isConnected()) {
                finish(call, c -> failed(c, new RrpcConnectionLostException(connection.settings().describe(),
                        c.address(), c.exchange(), new MqttConnectionException("the reply subscription '"
                                + replies.brokerFilter() + "' is not in place again yet after a reconnect"))));
            } else {
                publishFailed(call, new MqttConnectionException(
                        "not connected to MQTT broker " + connection.settings().describe()));
            }
            return;
        }
        if (connection.protocolVersion() != MqttProtocolVersion.V5) {
            connection.publish(call.requestTopic(), call.request(), qos, failure -> {
                if (failure != null) {
                    publishFailed(call, failure);
                }
            });
            return;
        }
        connection.publish(mqtt5Request(call)).whenComplete((result, failure) -> {
            if (failure != null) {
                publishFailed(call, failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure);
            } else if (result.noMatchingSubscribers()) {
                finish(call, c -> failed(c, new RrpcDeviceOfflineException(c.requestTopic(), c.address(), c.exchange())));
            }
        });
    }

    /**
     * An MQTT 5 request: Response Topic is the call's reply topic, Correlation Data its processId, and the broker drops
     * it once the call's remaining time (rounded up to whole seconds) has passed; it carries the exchange's headers
     * and content type as the call's endpoint maps them.
     */
    private OutboundMessage mqtt5Request(PendingCall call) {
        RrpcAddress address = call.address();
        long remainingNanos = Math.max(0, call.deadlineNanos() - System.nanoTime());
        long expirySeconds = Math.max(1, (remainingNanos + 999_999_999L) / 1_000_000_000L);
        return new OutboundMessage(call.requestTopic(), call.request(), qos, call.requestProperties(MessageProperties.request(
                replyTemplate.topic(address.productId(), address.deviceName(), address.processId()),
                address.processId().getBytes(StandardCharsets.UTF_8), Math.min(expirySeconds, 0xFFFF_FFFFL))));
    }

    private void publishFailed(PendingCall call, Throwable failure) {
        finish(call, c -> failed(c, new RrpcCallException(
                "cannot publish the request to '" + c.requestTopic() + "': " + failure.getMessage(), c.address(),
                c.exchange(), failure)));
    }

    private void onReply(InboundMessage message) {
        byte[] payload = message.payload();
        RrpcAddress reply = parseReply(message.topic());
        PendingCall call = reply == null || !correlationAgrees(reply, message.properties().correlationData())
                ? null
                : callAnswering(reply, payload);
        if (call == null) {
            return;
        }
        int limit = call.limits().maxPayloadSize();
        boolean completed = payload.length > limit
                ? tooLarge(call, payload.length)
                : message.isMalformedText()
                        ? malformedText(call)
                        : finish(call, c -> {
                            statistics.replies.increment();
                            c.succeed(payload, message.properties());
                        });
        if (!completed) {
            unmatched(reply, payload);
        } else if (payload.length <= limit) {
            recentCalls.answered(reply.processId());
        }
    }

    /** A reply the connection skipped unread: larger than any endpoint on it accepts. */
    private void onOversizedReply(String topic, int payloadBytes) {
        RrpcAddress reply = parseReply(topic);
        if (reply == null) {
            return;
        }
        PendingCall call = pending.get(reply.processId());
        if (call != null && call.answeredBy(reply) && tooLarge(call, payloadBytes)) {
            return;
        }
        endCoolDown(reply);
        statistics.oversizedReplies.increment();
        observer.replyDropped(ReplyDropReason.OVERSIZED);
        LOG.debug("Dropped a reply of {} bytes from {} to processId {}: no call waits for it", payloadBytes,
                reply.device(), reply.processId());
    }

    private boolean tooLarge(PendingCall call, int payloadBytes) {
        int limit = call.limits().maxPayloadSize();
        return finish(call, c -> {
            statistics.oversizedReplies.increment();
            observer.replyDropped(ReplyDropReason.OVERSIZED);
            c.fail(new RrpcPayloadTooLargeException("reply", payloadBytes, limit, c.address(), c.exchange()));
        });
    }

    /** Fails the call whose reply claims to be UTF-8 text (MQTT 5 payload format indicator) but is not. */
    private boolean malformedText(PendingCall call) {
        return finish(call, c -> {
            statistics.malformedReplies.increment();
            observer.replyDropped(ReplyDropReason.MALFORMED);
            c.fail(new RrpcCallException("its reply is not valid UTF-8, although its payload format indicator says it"
                                         + " is text", c.address(), c.exchange(), null));
        });
    }

    /** The reply's address, or {@code null} when the topic does not fit the template (counted and dropped). */
    private RrpcAddress parseReply(String topic) {
        RrpcAddress reply = replyTemplate.parseTopic(topic);
        if (reply == null) {
            statistics.malformedReplies.increment();
            observer.replyDropped(ReplyDropReason.MALFORMED);
            LOG.debug("Dropped a message on '{}': the topic does not fit the reply template {}", topic, replyTemplate);
        }
        return reply;
    }

    /**
     * Whether the reply's Correlation Data, if any, names the same call as its topic; if not, it is counted and
     * dropped as misaddressed.
     */
    private boolean correlationAgrees(RrpcAddress reply, byte[] correlationData) {
        if (correlationData == null
            || Arrays.equals(correlationData, reply.processId().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        statistics.misaddressedReplies.increment();
        observer.replyDropped(ReplyDropReason.MISADDRESSED);
        LOG.warn("Dropped a reply from {} to processId {}: its correlation data ({} bytes) names another call",
                reply.device(), reply.processId(), correlationData.length);
        return false;
    }

    /** The pending call this reply answers, or {@code null}: the reply is then counted and dropped. */
    private PendingCall callAnswering(RrpcAddress reply, byte[] payload) {
        PendingCall call = pending.get(reply.processId());
        if (call == null) {
            unmatched(reply, payload);
            return null;
        }
        if (!call.answeredBy(reply)) {
            statistics.misaddressedReplies.increment();
            observer.replyDropped(ReplyDropReason.MISADDRESSED);
            LOG.warn("Dropped a reply from {} to processId {}: that call went to {}", reply.device(), reply.processId(),
                    call.address().device());
            return null;
        }
        return call;
    }

    /**
     * A reply no pending call waits for: late, duplicate, misaddressed or unmatched as {@link RecentCalls} tells (a
     * late one goes to its producer's lateReplyUri). Any reply to the timed-out call its device cools down after ends
     * the cool-down, whether it still counts as late or came after lateReplyWindow.
     */
    private void unmatched(RrpcAddress reply, byte[] payload) {
        endCoolDown(reply);
        ReplyDropReason reason = recentCalls.dropped(reply, payload);
        if (reason == ReplyDropReason.MISADDRESSED) {
            statistics.misaddressedReplies.increment();
        } else {
            statistics.unmatchedReplies.increment();
        }
        observer.replyDropped(reason);
        LOG.debug("Dropped a reply from {} to processId {}: {}", reply.device(), reply.processId(), reason.tag());
    }

    private void expire(PendingCall call) {
        boolean expired = finish(call, true, c -> {
            statistics.timeouts.increment();
            c.fail(new RrpcTimeoutException(c.address(), c.timeoutMillis(), c.exchange()));
        });
        if (expired && call.lateReplies() != null) {
            recentCalls.timedOut(call.address(), call.timeoutMillis(), call.lateReplies());
        }
        if (expired && call.coolingDown) {
            try {
                timer.schedule(() -> endCoolDown(call.address()), call.limits().afterTimeoutDelayMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("Stopping: the cool-down of {} after call {} ends with the correlator", call.address().device(),
                        call.address().processId());
            }
        }
    }

    /** Ends the cool-down after the timed-out call at this address, if any, and sends the device's next call. */
    private void endCoolDown(RrpcAddress timedOut) {
        PendingCall next = lanes.endCoolDown(timedOut, pending);
        if (next != null) {
            runOnPool(() -> send(next));
        }
    }

    private void failed(PendingCall call, Exception failure) {
        statistics.failures.increment();
        call.fail(failure);
    }

    /** Fails, at once, the calls of a producer that stops while other producers go on using this correlator. */
    public void abandonCallsOf(Object owner) {
        failAll(call -> call.owner() == owner, ReplyCorrelator::producerStopped);
    }

    private static Exception producerStopped(PendingCall call) {
        return new RrpcCallException("the producer stopped", call.address(), call.exchange(), null);
    }

    @Override
    public void connectionLost(Throwable cause) {
        failAll(call -> true, call -> new RrpcConnectionLostException(
                connection.settings().describe(), call.address(), call.exchange(), cause));
    }

    private void failAll(Predicate<PendingCall> which, Function<PendingCall, Exception> failure) {
        for (PendingCall call : pending.values()) {
            if (which.test(call)) {
                finish(call, c -> failed(c, failure.apply(c)));
            }
        }
    }

    /**
     * Completes the call if no one else has; the outcome runs on the completion pool, never on the MQTT client's
     * thread or the timer's.
     *
     * @return whether this caller completed it
     */
    private boolean finish(PendingCall call, Consumer<PendingCall> outcome) {
        return finish(call, false, outcome);
    }

    /** @param timedOut whether the call ends by its timeout (its device may then cool down) */
    private boolean finish(PendingCall call, boolean timedOut, Consumer<PendingCall> outcome) {
        if (!pending.remove(call.address().processId(), call)) {
            return false;
        }
        timeouts.remove(call);
        DeviceReplySubscriptions.Entry replySubscription = call.detach();
        if (replySubscription != null) {
            deviceSubscriptions.release(call.address(), replySubscription);
        }
        PendingCall next = lanes.leave(call, pending, timedOut);
        if (next != null) {
            // on the pool: a send that fails at once finishes its call here again, and a long queue must not recurse
            runOnPool(() -> send(next));
        }
        runOnPool(() -> outcome.accept(call));
        return true;
    }

    private void runOnPool(Runnable task) {
        try {
            completions.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }
}
