package io.camelrrpc.component.credentials;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Device keys decoded as Tencent's device SDKs decode them, checked against Python's base64.b64decode. */
class DeviceKeyBase64Test {

    /** The key in Tencent's C device SDK's sample configuration: 25 characters, one '=' too many. */
    static final String SDK_SAMPLE_KEY = "zOZXUaycuwleP0123478dBA==";

    /** Keys Tencent's C SDK decoder and Python both take, and keys only Python takes (it skips what is no Base64). */
    private static final List<String> TAKEN = List.of(
            "AAECAwQFBgcICQoLDA0ODw==", SDK_SAMPLE_KEY, "QUJDRA==", "QUJDRA===", "QUJDRA==QUJD", "QUJDRB==",
            "QUJDREU=", "QUJDREU==", "QUJD\nRA==", "QUJD\r\nRA==", "  QUJDRA==  ", "QUJD RA==", "QUJD-RA==",
            "QU*JD.RA==", "QUJD=RA==", "QUJD=RA=x=");
    /** Keys Python refuses; the C SDK takes the unpadded ones and drops their last characters. */
    private static final List<String> REFUSED = List.of(
            "QUJDRA", "QUJDRA=", "QUJDR", "QUJDREU", "QUJD=RA=", "not base64!", "QUJDRA==温");

    @BeforeAll
    static void needsPython() {
        PythonBase64.assumeInstalled();
    }

    @Test
    void takesWhatTencentsSdksTakeWithTheBytesPythonDecodes() {
        List<String> python = PythonBase64.decodeHex(TAKEN);

        List<String> ours = new ArrayList<>();
        TAKEN.forEach(key -> ours.add(HexFormat.of().formatHex(DeviceKeyBase64.decode(key))));
        assertThat(ours).isEqualTo(python).doesNotContain("ERR");
    }

    @Test
    void theSdkSampleKeyIsSeventeenBytes() {
        // python3 -c "import base64; print(base64.b64decode('zOZXUaycuwleP0123478dBA==').hex())"
        assertThat(HexFormat.of().formatHex(DeviceKeyBase64.decode(SDK_SAMPLE_KEY)))
                .isEqualTo("cce65751ac9cbb095e3f4d76df8efc7410");
    }

    @Test
    void refusesWhatPythonRefusesWithoutShowingTheKey() {
        assertThat(PythonBase64.decodeHex(REFUSED)).containsOnly("ERR");

        for (String key : REFUSED) {
            assertThatThrownBy(() -> DeviceKeyBase64.decode(key)).as(key)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("deviceSecret is not Base64 text")
                    .hasMessageNotContaining(key.strip());
        }
    }

    @Test
    void keysWithoutBase64CharactersAreEmptyAsForPythonAndTheCredentialsRefuseThem() {
        assertThat(PythonBase64.decodeHex(List.of("===", "-_-_"))).containsOnly("");
        assertThat(DeviceKeyBase64.decode("===")).isEmpty();
        assertThat(DeviceKeyBase64.decode("-_-_")).isEmpty();
        assertThatThrownBy(() -> new TencentDeviceCredentials("P", "D", "-_-_", SignMethod.HmacSha256, "1"))
                .hasMessageContaining("deviceSecret must not be empty");
    }

    @Test
    void onlyTheExactBase64OfTheBytesIsCanonical() {
        assertThat(DeviceKeyBase64.isCanonical("AAECAwQFBgcICQoLDA0ODw==",
                DeviceKeyBase64.decode("AAECAwQFBgcICQoLDA0ODw=="))).isTrue();
        assertThat(DeviceKeyBase64.isCanonical(" QUJDRA==\n", DeviceKeyBase64.decode(" QUJDRA==\n"))).isTrue();
        for (String key : List.of(SDK_SAMPLE_KEY, "QUJDRA===", "QUJDRB==", "QUJD\nRA==", "QUJD-RA==")) {
            assertThat(DeviceKeyBase64.isCanonical(key, DeviceKeyBase64.decode(key))).as(key).isFalse();
        }
    }
}
