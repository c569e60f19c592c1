package io.camelrrpc.examples.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.examples.ExampleProperties;
import io.camelrrpc.examples.device.DeviceId;
import io.camelrrpc.examples.http.HttpReplies;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The console page: {@code GET /} serves {@code static/index.html} (Spring serves its script and style beside it;
 * the root is Camel's, as {@code POST /} is Tencent's action), and {@code GET /api/console} what the page shows, as
 * JSON: the simulated and the recently called devices, the last calls, and calls per second with their p99 over the
 * last minute.
 */
@Component
public class ConsoleRoutes extends RouteBuilder {

    /** Serves the console page ({@code GET /} without an Alibaba {@code Action}). */
    public static final String PAGE_ENDPOINT = "direct:console-page";
    private static final String PAGE = "static/index.html";

    private final CallLog callLog = new CallLog(System::currentTimeMillis);
    private final ExampleProperties properties;
    private final ObjectMapper json;

    public ConsoleRoutes(ExampleProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void configure() {
        getCamelContext().getComponent("rrpc", RrpcComponent.class).addObserver(callLog);

        rest("/api/console")
                .get().routeId("rest-console").produces("application/json")
                .to("direct:console");
        from("direct:console").routeId("console")
                .process(this::reply);
        byte[] page = page();
        from(PAGE_ENDPOINT).routeId("console-page")
                .process(exchange -> HttpReplies.reply(exchange, 200, "text/html;charset=UTF-8", page));
    }

    private static byte[] page() {
        try (InputStream page = ConsoleRoutes.class.getClassLoader().getResourceAsStream(PAGE)) {
            if (page == null) {
                throw new IllegalStateException(PAGE + " is not on the classpath");
            }
            return page.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reply(Exchange exchange) throws Exception {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("devices", devices());
        view.put("calls", callLog.lastCalls());
        view.put("history", callLog.history());
        HttpReplies.reply(exchange, 200, "application/json", json.writeValueAsString(view));
    }

    /** The simulated devices first, then the others called lately. */
    private List<Map<String, Object>> devices() {
        Map<String, Map<String, Object>> devices = new LinkedHashMap<>();
        if (properties.simulator().enabled()) {
            for (DeviceId device : properties.simulator().devices()) {
                devices.put(device.toString(), new LinkedHashMap<>(Map.of("device", device.toString(), "simulated", true)));
            }
        }
        callLog.recentDevices().forEach((device, lastCall) -> devices
                .computeIfAbsent(device, d -> new LinkedHashMap<>(Map.of("device", d, "simulated", false)))
                .put("lastCall", lastCall));
        return new ArrayList<>(devices.values());
    }
}
