package io.camelrrpc.component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.ThreadPoolProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * executorService runs the consumer's route, replyExecutorService completes the producer's calls: on an
 * ExecutorService bean, or on a pool made from a ThreadPoolProfile; by default on the component's own pools.
 */
class ThreadPoolsIT extends RrpcTestSupport {

    private static final String THREAD = "thread";

    private final ExecutorService workers = Executors.newFixedThreadPool(2, named("my-workers-"));
    private final ExecutorService replies = Executors.newFixedThreadPool(2, named("my-replies-"));

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("myWorkers", workers);
        registry.bind("myReplies", replies);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        ThreadPoolProfile profile = new ThreadPoolProfile("rrpcProfile");
        profile.setPoolSize(1);
        profile.setMaxPoolSize(1);
        profile.setMaxQueueSize(10);
        camelContext.getExecutorServiceManager().registerThreadPoolProfile(profile);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("rrpc:P/onBean?executorService=myWorkers").setBody(method(ThreadPoolsIT.class, "threadName"));
                from("rrpc:P/onProfile?executorService=rrpcProfile").setBody(method(ThreadPoolsIT.class, "threadName"));
                from("rrpc:P/onDefault").setBody(method(ThreadPoolsIT.class, "threadName"));
                from("direct:replyBean").to("rrpc:P/onDefault?replyExecutorService=#myReplies")
                        .setHeader(THREAD, method(ThreadPoolsIT.class, "threadName"));
                from("direct:replyProfile").to("rrpc:P/onDefault?replyExecutorService=rrpcProfile")
                        .setHeader(THREAD, method(ThreadPoolsIT.class, "threadName"));
                from("direct:replyDefault").to("rrpc:P/onDefault")
                        .setHeader(THREAD, method(ThreadPoolsIT.class, "threadName"));
            }
        };
    }

    @AfterEach
    void shutdownPools() {
        workers.shutdownNow();
        replies.shutdownNow();
    }

    public static String threadName() {
        return Thread.currentThread().getName();
    }

    @Test
    void consumerRoutesRunOnTheNamedPool() {
        assertThat(call("rrpc:P/onBean")).startsWith("my-workers-");
        assertThat(call("rrpc:P/onProfile")).contains("RrpcConsumer[$rrpc/rxd/P/onProfile/+] rrpcProfile");
        assertThat(call("rrpc:P/onDefault")).contains("RrpcConsumer[$rrpc/rxd/P/onDefault/+]");
    }

    @Test
    void callsCompleteOnTheNamedPool() {
        assertThat(completedOn("direct:replyBean")).startsWith("my-replies-");
        assertThat(completedOn("direct:replyProfile")).contains("RrpcReplies rrpcProfile");
        assertThat(completedOn("direct:replyDefault")).contains("RrpcReplies").doesNotContain("rrpcProfile");
    }

    @Test
    void aBeanPoolIsLeftRunningWhenTheContextStops() {
        call("rrpc:P/onBean");
        completedOn("direct:replyBean");

        context.stop();

        assertThat(workers.isShutdown()).isFalse();
        assertThat(replies.isShutdown()).isFalse();
    }

    @Test
    void aNameThatIsNeitherABeanNorAProfileFailsTheStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rrpc:P/nowhere?executorService=noSuchPool").log("never");
            }
        })).hasStackTraceContaining("executorService 'noSuchPool' names neither an ExecutorService bean nor a"
                                    + " ThreadPoolProfile");
    }

    private String call(String uri) {
        return template.requestBody(uri, "which thread?", String.class);
    }

    private String completedOn(String uri) {
        return template.request(uri, e -> e.getIn().setBody("hi")).getMessage().getHeader(THREAD, String.class);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, prefix + count.incrementAndGet());
    }
}
