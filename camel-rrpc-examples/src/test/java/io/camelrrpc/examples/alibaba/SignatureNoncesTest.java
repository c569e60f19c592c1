package io.camelrrpc.examples.alibaba;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureNoncesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final SignatureNonces nonces = new SignatureNonces();

    @Test
    void aNonceIsUsableOnceUntilItExpires() {
        Instant expiry = NOW.plus(Duration.ofMinutes(15));

        assertThat(nonces.firstUse("n1", expiry, NOW)).isTrue();
        assertThat(nonces.firstUse("n1", expiry, NOW.plusSeconds(60))).isFalse();
        assertThat(nonces.firstUse("n2", expiry, NOW.plusSeconds(60))).isTrue();
        assertThat(nonces.firstUse("n1", expiry.plusSeconds(60), expiry.plusSeconds(1))).isTrue();
    }

    @Test
    void expiredNoncesAreDropped() {
        for (int i = 0; i < 100; i++) {
            nonces.firstUse("n" + i, NOW.plusSeconds(10), NOW);
        }

        nonces.firstUse("later", NOW.plus(Duration.ofMinutes(20)), NOW.plus(Duration.ofMinutes(2)));

        assertThat(nonces.size()).isEqualTo(1);
    }
}
