package io.camelrrpc.component.credentials;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Decodes a Tencent device key (Base64 text) as Tencent's device SDKs do, so that a key one of them takes works here
 * too: its Python SDK decodes with {@code base64.b64decode}, which skips characters outside the Base64 alphabet and
 * stops at the padding that completes a group, and its C SDK's decoder takes newlines and up to two {@code =} at
 * the end (the SDK's sample key {@code zOZXUaycuwleP0123478dBA==} has one {@code =} too many; both decode it to the
 * same 17 bytes). Where these decoders disagree, for data characters left over without padding (the C SDK drops
 * them, Python refuses the key), the key is refused. Messages never show the key.
 */
final class DeviceKeyBase64 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int QUAD = 4;

    private DeviceKeyBase64() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the key, without showing it
     */
    static byte[] decode(String key) {
        requireAscii(key);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int quadPosition = 0;
        int pads = 0;
        int bits = 0;
        int dataCharacters = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '=') {
                if (quadPosition >= 2 && quadPosition + ++pads >= QUAD) {
                    writePartialGroup(bytes, bits, quadPosition);
                    return bytes.toByteArray();
                }
                continue;
            }
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                continue;
            }
            pads = 0;
            dataCharacters++;
            bits = bits << 6 | value;
            quadPosition = (quadPosition + 1) % QUAD;
            if (quadPosition == 0) {
                bytes.write(bits >> 16);
                bytes.write(bits >> 8);
                bytes.write(bits);
                bits = 0;
            }
        }
        if (quadPosition == 1) {
            throw new IllegalArgumentException("deviceSecret is not Base64 text: its " + dataCharacters
                                               + " Base64 characters are 1 more than a multiple of 4");
        }
        if (quadPosition != 0) {
            throw new IllegalArgumentException("deviceSecret is not Base64 text: its last group lacks '=' padding"
                                               + " (Tencent's device SDKs disagree on such keys)");
        }
        return bytes.toByteArray();
    }

    private static void requireAscii(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) > 127) {
                throw new IllegalArgumentException("deviceSecret is not Base64 text: it has a character beyond ASCII"
                                                   + " at position " + (i + 1));
            }
        }
    }

    /** The 1 (of 2 characters, 12 bits) or 2 bytes (of 3 characters, 18 bits) a padded group ends with. */
    private static void writePartialGroup(ByteArrayOutputStream bytes, int bits, int characters) {
        if (characters == 2) {
            bytes.write(bits >> 4);
        } else {
            bytes.write(bits >> 10);
            bytes.write(bits >> 2);
        }
    }

    /** Whether the key is exactly the Base64 of its bytes, leading and trailing white space aside. */
    static boolean isCanonical(String key, byte[] decoded) {
        return Base64.getEncoder().encodeToString(decoded).equals(key.strip());
    }
}
