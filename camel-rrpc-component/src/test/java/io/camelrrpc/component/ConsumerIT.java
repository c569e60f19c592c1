package io.camelrrpc.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The device side: gateways, threads, failures. */
class ConsumerIT extends RrpcTestSupport {

    private final List<String> routeThreads = new CopyOnWriteArrayList<>();
    private final List<String> callerThreads = new CopyOnWriteArrayList<>();
    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    @BindToRegistry("recordingHandler")
    private final ExceptionHandler recordingHandler = new ExceptionHandler() {
        @Override
        public void handleException(Throwable exception) {
            handled.add(exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handled.add(exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            handled.add(exception);
        }
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("rrpc:GW/dev0?requestTimeout=3000")
                        .process(e -> callerThreads.add(Thread.currentThread().getName()));

                from("rrpc:GW/+?concurrentConsumers=4")
                        .process(e -> routeThreads.add(Thread.currentThread().getName()))
                        .setBody(simple("${header.CamelRrpcDeviceName}"));
                from("rrpc:BROKEN/silent?exceptionHandler=#recordingHandler")
                        .throwException(new IllegalStateException("device on fire"));
                from("rrpc:BROKEN/talkative?replyOnError=true&exceptionHandler=#recordingHandler")
                        .throwException(new IllegalStateException("device on fire"));
                from("rrpc:BROKEN/logged?replyOnError=true").throwException(new IllegalStateException("device on fire"));
            }
        };
    }

    @Test
    void gatewayServesHundredDeviceNames() {
        for (int i = 0; i < 100; i++) {
            String reply = template.requestBodyAndHeader("direct:call", "who are you?", RrpcConstants.DEVICE_NAME,
                    "dev" + i, String.class);
            assertThat(reply).isEqualTo("dev" + i);
        }
    }

    @Test
    void routesNeverRunOnTheMqttClientsNettyThread() {
        template.requestBody("direct:call", "x", String.class);
        assertThat(routeThreads).as("the consumer's route").isNotEmpty().noneMatch(ConsumerIT::nettyThread)
                .allMatch(name -> name.contains("RrpcConsumer"));
        assertThat(callerThreads).as("the caller's route after the call").isNotEmpty()
                .noneMatch(ConsumerIT::nettyThread).allMatch(name -> name.contains("RrpcReplies"));
    }

    /** How the HiveMQ client names its Netty event loop threads, where its callbacks run. */
    private static boolean nettyThread(String name) {
        return name.startsWith("com.hivemq.client.mqtt");
    }

    @Test
    void failedRouteStaysSilentByDefaultAndReportsTheFailure() {
        Exchange result = template.request("direct:call", e -> e.getIn().setHeaders(Map.of(
                RrpcConstants.PRODUCT_ID, "BROKEN", RrpcConstants.DEVICE_NAME, "silent")));
        assertThat(result.getException()).isInstanceOf(RrpcTimeoutException.class);
        await().until(() -> !handled.isEmpty());
        assertThat(handled.get(0)).hasMessage("device on fire");
    }

    @Test
    void failedRouteRepliesWithErrorWhenAsked() throws Exception {
        byte[] reply = template.requestBodyAndHeaders("direct:call", "x", Map.of(
                RrpcConstants.PRODUCT_ID, "BROKEN", RrpcConstants.DEVICE_NAME, "talkative"), byte[].class);
        Map<String, Object> error = new ObjectMapper().readValue(reply, new TypeReference<>() { });
        assertThat(error).containsEntry("error", IllegalStateException.class.getName())
                .containsEntry("message", "device on fire");
        await().until(() -> !handled.isEmpty());
    }

    @Test
    void failedRouteIsLoggedAsOneLineNamingDeviceProcessIdAndCauseButNotTheExchangeOrPayload() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            Exchange result = template.request("direct:call", e -> {
                e.getIn().setBody("secret-payload-42");
                e.getIn().setHeaders(Map.of(RrpcConstants.PRODUCT_ID, "BROKEN", RrpcConstants.DEVICE_NAME, "logged"));
            });

            Map<String, Object> error = new ObjectMapper().readValue(result.getMessage().getBody(byte[].class),
                    new TypeReference<>() { });
            assertThat(error).as("the requester still gets the error reply").containsEntry("message", "device on fire");
            String processId = result.getMessage().getHeader(RrpcConstants.PROCESS_ID, String.class);
            assertThat(processId).isNotBlank();
            await().until(() -> !warningsOfTheConsumer(logs).isEmpty());
            assertThat(warningsOfTheConsumer(logs)).singleElement().asString()
                    .contains("BROKEN/logged", "processId " + processId, IllegalStateException.class.getName(),
                            "device on fire")
                    .doesNotContain("Exchange[", "secret-payload-42", "\n");
        }
    }

    private static List<String> warningsOfTheConsumer(LogCapture logs) {
        return logs.eventsOf(RrpcConsumer.class).stream().filter(event -> event.startsWith("WARN ")).toList();
    }
}
