package io.camelrrpc.examples.tencent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.camelrrpc.examples.ExampleProperties;
import io.camelrrpc.examples.cloud.ApiKey;
import io.camelrrpc.examples.cloud.HttpRequests;
import io.camelrrpc.examples.cloud.Signing;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks Tencent Cloud API 3.0 common parameters of PublishRRPCMessage requests: {@code X-TC-Version} must be a
 * version Tencent has the action in; with {@code rrpc.tencent-api.secret-id} and {@code secret-key} set, the
 * request must also carry {@code X-TC-Version}, {@code X-TC-Timestamp} (at most 5 minutes off) and a
 * TC3-HMAC-SHA256 {@code Authorization} made with that key. Without a key, requests are not authenticated (logged
 * once at startup).
 */
@Component
public class TencentApiAuthenticator {

    static final String VERSION_HEADER = "X-TC-Version";
    static final String TIMESTAMP_HEADER = "X-TC-Timestamp";
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** The versions that have PublishRRPCMessage, and the service their credential scope names. */
    static final Map<String, String> SERVICES_BY_VERSION = Map.of(
            "2021-04-08", "iotcloud",
            "2018-06-14", "iotcloud",
            "2019-04-23", "iotexplorer");

    private static final Logger LOG = LoggerFactory.getLogger(TencentApiAuthenticator.class);

    private final Optional<ApiKey> key;
    private final Clock clock;

    @Autowired
    public TencentApiAuthenticator(ExampleProperties properties) {
        this(properties.tencentApi(), Clock.systemUTC());
    }

    TencentApiAuthenticator(ExampleProperties.TencentApi config, Clock clock) {
        this.key = ApiKey.of("rrpc.tencent-api.secret-id", config.secretId(), "rrpc.tencent-api.secret-key",
                config.secretKey());
        this.clock = clock;
        if (key.isEmpty()) {
            LOG.warn("The Tencent-compatible API (PublishRRPCMessage) is NOT authenticated: anyone who reaches it can"
                     + " call devices. Set rrpc.tencent-api.secret-id and rrpc.tencent-api.secret-key to require"
                     + " TC3-HMAC-SHA256 signatures");
        } else {
            LOG.info("The Tencent-compatible API (PublishRRPCMessage) requires TC3-HMAC-SHA256 signatures");
        }
    }

    /** Checks the request of the exchange; its body is read as UTF-8 text and left as a String. */
    public void check(Exchange exchange) {
        Message message = exchange.getMessage();
        String body = Objects.toString(message.getBody(String.class), "");
        message.setBody(body);
        check(HttpRequests.of(exchange), body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks the request.
     *
     * @throws TencentApiException with the Tencent error code when it is refused
     */
    void check(HttpServletRequest request, byte[] body) {
        String version = request.getHeader(VERSION_HEADER);
        if (version == null) {
            if (key.isPresent()) {
                throw missing(VERSION_HEADER);
            }
            return;
        }
        String service = SERVICES_BY_VERSION.get(version);
        if (service == null) {
            throw new TencentApiException(TencentErrorCodes.NO_SUCH_VERSION, "PublishRRPCMessage has no version "
                                                                              + version
                                                                              + "; use 2021-04-08 or 2018-06-14"
                                                                              + " (iotcloud) or 2019-04-23"
                                                                              + " (iotexplorer)");
        }
        if (key.isPresent()) {
            verify(key.get(), request, body, version, service);
        }
    }

    private void verify(ApiKey key, HttpServletRequest request, byte[] body, String version, String service) {
        String header = request.getHeader(Tc3Authorization.HEADER);
        if (header == null) {
            throw failure("The request is not signed: it has no Authorization header (" + Tc3Signature.ALGORITHM
                          + ")");
        }
        Tc3Authorization authorization = Tc3Authorization.parse(header);
        Instant requestTime = timestamp(request);
        if (!authorization.secretId().equals(key.id())) {
            throw new TencentApiException(TencentErrorCodes.SECRET_ID_NOT_FOUND,
                    "The SecretId of the Authorization header is not found");
        }
        Instant now = clock.instant();
        if (!Signing.withinWindow(now, requestTime, MAX_CLOCK_SKEW)) {
            throw new TencentApiException(TencentErrorCodes.SIGNATURE_EXPIRE,
                    "X-TC-Timestamp " + requestTime.getEpochSecond() + " is more than 5 minutes from the server"
                                                                              + " time " + now.getEpochSecond());
        }
        String date = LocalDate.ofInstant(requestTime, ZoneOffset.UTC).toString();
        if (!authorization.date().equals(date)) {
            throw failure("The date of the credential scope must be the UTC date of X-TC-Timestamp, " + date);
        }
        String scopeService = scopeService(authorization.service(), service, version, request.getHeader("Host"));
        String canonicalRequest = Tc3Signature.canonicalRequest(request.getMethod(), request.getRequestURI(),
                Objects.toString(request.getQueryString(), ""), signedHeaders(request, authorization), body);
        String stringToSign = Tc3Signature.stringToSign(requestTime.getEpochSecond(),
                Tc3Signature.credentialScope(date, scopeService), canonicalRequest);
        String expected = Tc3Signature.signature(key.secret(), date, scopeService, stringToSign);
        if (!Signing.sameSignature(expected, authorization.signature())) {
            throw failure("The signature does not match the request");
        }
    }

    /**
     * The service of the credential scope when it is one a client may sign with: the version's service, or what
     * Tencent's SDKs derive from the endpoint they call, the first label of the Host header ({@code localhost:8080}
     * for {@code localhost:8080}, {@code 127} for {@code 127.0.0.1:8080}).
     */
    private static String scopeService(String scopeService, String versionService, String version, String host) {
        String hostService = host == null ? null : host.trim().split("\\.", -1)[0];
        if (scopeService.equals(versionService) || scopeService.equals(hostService)) {
            return scopeService;
        }
        throw failure("The service of the credential scope must be " + versionService + " for " + VERSION_HEADER
                      + " " + version + (hostService == null || hostService.isEmpty() ? ""
                              : ", or " + hostService + " (the first label of the Host header, as Tencent's SDKs"
                                + " sign)"));
    }

    private static Map<String, String> signedHeaders(HttpServletRequest request, Tc3Authorization authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : authorization.signedHeaders()) {
            List<String> values = Collections.list(request.getHeaders(name));
            if (values.isEmpty()) {
                throw failure("The signed header " + name + " is not in the request");
            }
            headers.put(name, String.join(",", values));
        }
        return headers;
    }

    private static Instant timestamp(HttpServletRequest request) {
        String timestamp = request.getHeader(TIMESTAMP_HEADER);
        if (timestamp == null) {
            throw missing(TIMESTAMP_HEADER);
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException | DateTimeException e) {
            throw new TencentApiException(TencentErrorCodes.INVALID_PARAMETER,
                    TIMESTAMP_HEADER + " must be a Unix time in seconds, got '" + timestamp + "'");
        }
    }

    private static TencentApiException missing(String header) {
        return new TencentApiException(TencentErrorCodes.MISSING_PARAMETER,
                "The request is missing the header " + header);
    }

    private static TencentApiException failure(String message) {
        return new TencentApiException(TencentErrorCodes.SIGNATURE_FAILURE, message);
    }
}
