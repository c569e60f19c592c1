package io.camelrrpc.component.correlation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.component.RrpcConnectionLostException;
import io.camelrrpc.component.RrpcTimeoutException;
import io.camelrrpc.component.mqtt.ConnectionListener;
import io.camelrrpc.component.mqtt.MqttConnection;
import io.camelrrpc.component.topic.RrpcAddress;
import io.camelrrpc.component.topic.TopicTemplate;
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
 * lost connection or a stop. Replies that match no call are counted and dropped.
 */
public final class ReplyCorrelator extends ServiceSupport implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyCorrelator.class);

    private final CamelContext camelContext;
    private final MqttConnection connection;
    private final TopicTemplate replyTemplate;
    private final int qos;
    private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
    private final CorrelationStatistics statistics = new CorrelationStatistics();
    private MqttConnection.Subscription subscription;
    private ScheduledExecutorService timer;
    private ExecutorService completions;

    public ReplyCorrelator(CamelContext camelContext, MqttConnection connection, TopicTemplate replyTemplate, int qos) {
        this.camelContext = camelContext;
        this.connection = connection;
        this.replyTemplate = replyTemplate;
        this.qos = qos;
    }

    public CorrelationStatistics statistics() {
        return statistics;
    }

    /** Calls waiting for their reply now. */
    public int pendingCalls() {
        return pending.size();
    }

    public MqttConnection connection() {
        return connection;
    }

    @Override
    protected void doStart() throws Exception {
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        // one timeout per pending call: the queue must not have the default profile's limit of 1000
        timer = executors.newScheduledThreadPool(this, "RrpcTimeouts", unboundedProfile("RrpcTimeouts", 1, -1));
        if (timer instanceof ScheduledThreadPoolExecutor scheduled) {
            scheduled.setRemoveOnCancelPolicy(true);
        }
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        // not -1 here: for a plain thread pool Camel turns a queue size <= 0 into a SynchronousQueue, which rejects
        // whenever every thread is busy, and finish() would then run the route on the MQTT client's thread
        completions = executors.newThreadPool(this, "RrpcReplies",
                unboundedProfile("RrpcReplies", threads, Integer.MAX_VALUE));
        connection.addListener(this);
        subscription = connection.subscribe(replyTemplate.filter("+", "+"), qos, this::onReply);
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
        failAll(call -> new RrpcCallException("the producer stopped", call.address(), call.exchange(), null));
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        executors.shutdownNow(timer);
        executors.shutdownGraceful(completions);
    }

    /**
     * Registers the call, starts its timeout and publishes its request.
     *
     * @throws IllegalStateException when the processId is already pending (the generator repeated an id)
     */
    public void call(PendingCall call, String requestTopic, byte[] payload) {
        String processId = call.address().processId();
        if (pending.putIfAbsent(processId, call) != null) {
            throw new IllegalStateException(
                    "processId " + processId + " is already waiting for a reply: the ProcessIdGenerator must not repeat ids");
        }
        statistics.calls.increment();
        call.timeoutTask(timer.schedule(() -> expire(call), call.timeoutMillis(), TimeUnit.MILLISECONDS));
        connection.publish(requestTopic, payload, qos, failure -> {
            if (failure != null) {
                finish(call, c -> failed(c, new RrpcCallException(
                        "cannot publish the request to '" + requestTopic + "': " + failure.getMessage(), c.address(),
                        c.exchange(), failure)));
            }
        });
    }

    private void onReply(String topic, byte[] payload) {
        RrpcAddress reply = replyTemplate.parseTopic(topic);
        if (reply == null) {
            statistics.malformedReplies.increment();
            LOG.debug("Dropped a message on '{}': the topic does not fit the reply template {}", topic, replyTemplate);
            return;
        }
        PendingCall call = pending.get(reply.processId());
        if (call == null) {
            statistics.unmatchedReplies.increment();
            LOG.debug("Dropped a reply from {} to processId {}: no call waits for it (late, duplicate or another node's)",
                    reply.device(), reply.processId());
            return;
        }
        if (!call.answeredBy(reply)) {
            statistics.misaddressedReplies.increment();
            LOG.warn("Dropped a reply from {} to processId {}: that call went to {}", reply.device(), reply.processId(),
                    call.address().device());
            return;
        }
        if (!finish(call, c -> {
            statistics.replies.increment();
            c.succeed(payload);
        })) {
            statistics.unmatchedReplies.increment();
        }
    }

    private void expire(PendingCall call) {
        finish(call, c -> {
            statistics.timeouts.increment();
            c.fail(new RrpcTimeoutException(c.address(), c.timeoutMillis(), c.exchange()));
        });
    }

    private void failed(PendingCall call, Exception failure) {
        statistics.failures.increment();
        call.fail(failure);
    }

    @Override
    public void connectionLost(Throwable cause) {
        failAll(call -> new RrpcConnectionLostException(
                connection.settings().describe(), call.address(), call.exchange(), cause));
    }

    private void failAll(Function<PendingCall, Exception> failure) {
        for (PendingCall call : pending.values()) {
            finish(call, c -> failed(c, failure.apply(c)));
        }
    }

    /**
     * Completes the call if no one else has; the outcome runs on the completion pool, never on the MQTT client's
     * thread or the timer's.
     *
     * @return whether this caller completed it
     */
    private boolean finish(PendingCall call, Consumer<PendingCall> outcome) {
        if (!pending.remove(call.address().processId(), call)) {
            return false;
        }
        call.cancelTimeout();
        try {
            completions.execute(() -> outcome.accept(call));
        } catch (RejectedExecutionException e) {
            outcome.accept(call);
        }
        return true;
    }
}
