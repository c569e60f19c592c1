package io.camelrrpc.examples.cloud;

import java.util.Optional;

/**
 * The key pair a cloud API checks signatures with: the id callers name and the secret they sign with. Its
 * {@code toString} never shows the secret.
 *
 * @param id     the key id (Tencent's SecretId, Alibaba's AccessKeyId)
 * @param secret the secret (Tencent's SecretKey, Alibaba's AccessKey secret)
 */
public record ApiKey(String id, String secret) {

    /**
     * The key from its two properties, or none when neither is set.
     *
     * @throws IllegalStateException when only one of them is set
     */
    public static Optional<ApiKey> of(String idProperty, String id, String secretProperty, String secret) {
        boolean hasId = id != null && !id.isBlank();
        boolean hasSecret = secret != null && !secret.isEmpty();
        if (hasId != hasSecret) {
            throw new IllegalStateException((hasId ? idProperty : secretProperty) + " is set but "
                                            + (hasId ? secretProperty : idProperty)
                                            + " is not: set both to check request signatures, or neither");
        }
        return hasId ? Optional.of(new ApiKey(id.trim(), secret)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", secret=****]";
    }
}
