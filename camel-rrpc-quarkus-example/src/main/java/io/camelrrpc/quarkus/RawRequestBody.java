package io.camelrrpc.quarkus;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Message;

/**
 * The request body's bytes as the client sent them, from a platform-http endpoint with {@code useBodyHandler=false}:
 * its body is then the paused Vert.x request, read here on the route's worker thread (never on the event loop).
 */
final class RawRequestBody {

    /** How long a client may take to send the rest of its body. */
    private static final long MAX_READ_SECONDS = 30;

    private RawRequestBody() {
    }

    static byte[] read(Message message) {
        if (!(message.getBody() instanceof HttpServerRequest request)) {
            return message.getBody(byte[].class);
        }
        var body = request.body();
        request.resume();
        try {
            Buffer bytes = body.toCompletionStage().toCompletableFuture().get(MAX_READ_SECONDS, TimeUnit.SECONDS);
            return bytes == null ? new byte[0] : bytes.getBytes();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the request body", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalArgumentException("Cannot read the request body within " + MAX_READ_SECONDS + " s: " + e,
                    e);
        }
    }
}
