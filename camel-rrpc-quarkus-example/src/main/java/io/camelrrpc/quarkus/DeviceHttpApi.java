package io.camelrrpc.quarkus;

import java.util.Map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * {@code POST /api/devices/{productId}/{deviceName}/rrpc} on Quarkus's Vert.x router. The request body is the payload
 * as the client sent it, whatever its content type ({@code curl -d}'s {@code application/x-www-form-urlencoded} and
 * {@code multipart/form-data} included, as on the Spring Boot example): the route has no body handler, so nothing
 * parses it into form fields. The call runs asynchronously in {@link DeviceHttpRoutes}; no thread waits for the device,
 * and the event loop never blocks.
 */
@ApplicationScoped
public class DeviceHttpApi {

    /** Larger bodies are refused before they are read (the component's own limit is far lower: 413 as well). */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final CamelContext camelContext;
    private final ProducerTemplate template;

    public DeviceHttpApi(CamelContext camelContext, ProducerTemplate template) {
        this.camelContext = camelContext;
        this.template = template;
    }

    void routes(@Observes Router router) {
        router.post("/api/devices/:productId/:deviceName/rrpc").handler(this::call);
    }

    private void call(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && Long.parseLong(length) > MAX_BODY_BYTES) {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .end("The request body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        request.body().onSuccess(body -> send(context, body)).onFailure(context::fail);
        request.resume(); // Quarkus pauses each request until a handler reads it

    }

    private void send(RoutingContext context, Buffer body) {
        Exchange exchange = new DefaultExchange(camelContext);
        Message message = exchange.getMessage();
        message.setHeader("productId", context.pathParam("productId"));
        message.setHeader("deviceName", context.pathParam("deviceName"));
        message.setHeader("timeout", context.queryParams().get("timeout"));
        message.setBody(body.getBytes());
        template.asyncSend(DeviceHttpRoutes.ENDPOINT, exchange)
                .whenComplete((done, failure) -> reply(context, failure == null ? done.getMessage() : null));
    }

    private static void reply(RoutingContext context, Message response) {
        if (response == null) {
            context.fail(500);
            return;
        }
        context.response().setStatusCode(response.getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class));
        for (Map.Entry<String, Object> header : response.getHeaders().entrySet()) {
            if (!header.getKey().equals(Exchange.HTTP_RESPONSE_CODE)) {
                context.response().putHeader(header.getKey(), String.valueOf(header.getValue()));
            }
        }
        byte[] body = response.getBody(byte[].class);
        context.response().end(Buffer.buffer(body == null ? new byte[0] : body));
    }
}
