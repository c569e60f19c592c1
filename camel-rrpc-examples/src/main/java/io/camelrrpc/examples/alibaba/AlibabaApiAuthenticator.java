package io.camelrrpc.examples.alibaba;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.camelrrpc.examples.ExampleProperties;
import io.camelrrpc.examples.cloud.ApiKey;
import io.camelrrpc.examples.cloud.Signing;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * With {@code rrpc.alibaba-api.access-key-id} and {@code access-key-secret} set, requests must be signed as Alibaba
 * Cloud RPC requests are: AccessKeyId, SignatureMethod HMAC-SHA1, SignatureVersion 1.0, a Timestamp at most 15
 * minutes off, a SignatureNonce not used before and the Signature of all parameters ({@link RpcSignature}).
 * Without a key, requests are not authenticated (logged once at startup).
 */
@Component
public class AlibabaApiAuthenticator {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(AlibabaApiAuthenticator.class);

    private final Optional<ApiKey> key;
    private final Clock clock;
    private final SignatureNonces nonces = new SignatureNonces();

    @Autowired
    public AlibabaApiAuthenticator(ExampleProperties properties) {
        this(properties.alibabaApi(), Clock.systemUTC());
    }

    AlibabaApiAuthenticator(ExampleProperties.AlibabaApi config, Clock clock) {
        this.key = ApiKey.of("rrpc.alibaba-api.access-key-id", config.accessKeyId(),
                "rrpc.alibaba-api.access-key-secret", config.accessKeySecret());
        this.clock = clock;
        if (key.isEmpty()) {
            LOG.warn("The Alibaba-compatible API (RRpc) is NOT authenticated: anyone who reaches it can call devices."
                     + " Set rrpc.alibaba-api.access-key-id and rrpc.alibaba-api.access-key-secret to require"
                     + " signed requests");
        } else {
            LOG.info("The Alibaba-compatible API (RRpc) requires signed requests (HMAC-SHA1)");
        }
    }

    /** Checks the parameters read by {@link RpcParameters#read(Exchange)}. */
    public void check(Exchange exchange) {
        check(RpcParameters.of(exchange));
    }

    /**
     * Checks the request.
     *
     * @throws AlibabaApiException with Alibaba's error code when it is refused
     */
    void check(RpcParameters request) {
        if (key.isEmpty()) {
            return;
        }
        String accessKeyId = request.require("AccessKeyId");
        String signature = request.require(RpcSignature.SIGNATURE);
        requireValue(request, "SignatureMethod", "HMAC-SHA1");
        requireValue(request, "SignatureVersion", "1.0");
        String nonce = request.require("SignatureNonce");
        request.require("Version");
        Instant timestamp = timestamp(request.require("Timestamp"));
        if (!accessKeyId.equals(key.get().id())) {
            throw AlibabaApiException.gateway(404, AlibabaErrorCodes.INVALID_ACCESS_KEY_ID,
                    "Specified access key is not found.");
        }
        Instant now = clock.instant();
        if (!Signing.withinWindow(now, timestamp, MAX_CLOCK_SKEW)) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.TIMESTAMP_EXPIRED,
                    "Specified time stamp or date value is expired: Timestamp " + timestamp
                                                                                    + " is more than 15 minutes from"
                                                                                    + " the server time " + now);
        }
        String stringToSign = RpcSignature.stringToSign(request.method(), request.parameters());
        if (!Signing.sameSignature(RpcSignature.signature(key.get().secret(), stringToSign), signature)) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.SIGNATURE_DOES_NOT_MATCH,
                    "Specified signature is not matched with our calculation. server string to sign is:"
                                                                                           + stringToSign);
        }
        if (!nonces.firstUse(nonce, timestamp.plus(MAX_CLOCK_SKEW), now)) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.SIGNATURE_NONCE_USED,
                    "Specified signature nonce was used already.");
        }
    }

    private static void requireValue(RpcParameters request, String name, String expected) {
        String value = request.require(name);
        if (!expected.equals(value)) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.INVALID_PARAMETER,
                    "The specified parameter \"" + name + "\" is not valid: use " + expected);
        }
    }

    private static Instant timestamp(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.INVALID_TIMESTAMP_FORMAT,
                    "Specified time stamp or date value is not well formatted: use UTC yyyy-MM-ddTHH:mm:ssZ, got '"
                                                                                         + text + "'");
        }
    }
}
