package io.camelrrpc.component.internal.mqtt.hivemq;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a broker listens, read from a broker URL: {@code tcp://host:port}, {@code ssl://host:port},
 * {@code ws://host:port/path} or {@code wss://host:port/path}. Without a port, MQTT's usual ones apply (1883, 8883,
 * 80, 443).
 *
 * @param tls       whether the connection uses TLS ({@code ssl}, {@code wss})
 * @param webSocket whether MQTT runs over WebSocket ({@code ws}, {@code wss})
 * @param host      host name or address
 * @param port      TCP port
 * @param path      the WebSocket path without its leading slash, e.g. {@code mqtt}; empty for none
 */
record BrokerAddress(boolean tls, boolean webSocket, String host, int port, String path) {

    static BrokerAddress parse(String brokerUrl) {
        URI uri;
        try {
            uri = new URI(brokerUrl);
        } catch (URISyntaxException e) {
            throw invalid(brokerUrl, e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw invalid(brokerUrl, "it needs a scheme and a host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "tcp" -> new BrokerAddress(false, false, uri.getHost(), port(uri, 1883), "");
            case "ssl" -> new BrokerAddress(true, false, uri.getHost(), port(uri, 8883), "");
            case "ws" -> new BrokerAddress(false, true, uri.getHost(), port(uri, 80), path);
            case "wss" -> new BrokerAddress(true, true, uri.getHost(), port(uri, 443), path);
            default -> throw invalid(brokerUrl, "the scheme must be tcp, ssl, ws or wss");
        };
    }

    /** {@code tcp}, {@code ssl}, {@code ws} or {@code wss}. */
    String scheme() {
        return webSocket ? (tls ? "wss" : "ws") : (tls ? "ssl" : "tcp");
    }

    /** The address as a broker URL, port included, e.g. {@code tcp://node1:1883}: names the node in logs and health. */
    String url() {
        return scheme() + "://" + host + ":" + port
               + (path.isEmpty() ? "" : "/" + path);
    }

    private static int port(URI uri, int defaultPort) {
        return uri.getPort() < 0 ? defaultPort : uri.getPort();
    }

    private static IllegalArgumentException invalid(String brokerUrl, String reason) {
        return new IllegalArgumentException("Invalid brokerUrl '" + brokerUrl + "': " + reason
                                            + " (e.g. tcp://localhost:1883, ssl://host:8883, ws://host:8080/mqtt)");
    }
}
