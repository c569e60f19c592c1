package io.camelrrpc.component.internal.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Utf8#isWellFormed} agrees with the JDK's strict UTF-8 decoder. */
class Utf8Test {

    @ParameterizedTest
    @ValueSource(strings = { "", "on", "\u0000", "Grüße", "€", "\uFFFF", "\uD83D\uDE00", "\uDBFF\uDFFF", "温度 21°C" })
    void textIsWellFormed(String text) {
        assertThat(Utf8.isWellFormed(text.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "80",             // continuation without a lead
            "C328",           // lead without its continuation
            "C3",             // truncated at the end
            "C0AF", "C1BF",   // overlong two-byte forms
            "E080AF",         // overlong three-byte form
            "EDA080",         // a surrogate (U+D800)
            "F08F8080",       // overlong four-byte form
            "F4908080",       // above U+10FFFF
            "F5808080", "FF", // bytes that never lead
            "E282",           // three-byte form cut short
    })
    void brokenUtf8IsNot(String hex) {
        assertThat(Utf8.isWellFormed(bytes(hex))).isFalse();
    }

    @Test
    void agreesWithTheJdkOnRandomBytes() {
        Random random = new Random(0x00F8);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(8)];
            for (int k = 0; k < bytes.length; k++) {
                // mostly bytes around the interesting boundaries
                bytes[k] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
            }
            if (Utf8.isWellFormed(bytes) != jdkDecodes(bytes)) {
                assertThat(Utf8.isWellFormed(bytes)).as("%s", HexFormat.of().formatHex(bytes))
                        .isEqualTo(jdkDecodes(bytes));
            }
        }
    }

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
