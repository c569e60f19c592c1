package io.camelrrpc.examples;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Request and reply bodies are bytes: every byte value reaches the device and comes back unchanged. */
class DeviceHttpPayloadTest extends ExampleApplicationTestSupport {

    private static final byte[] ALL_BYTE_VALUES = new byte[256];

    static {
        for (int i = 0; i < ALL_BYTE_VALUES.length; i++) {
            ALL_BYTE_VALUES[i] = (byte) i;
        }
    }

    @Autowired
    RecordingDevices devices;

    /** The content types of payload-content-types.txt, which the Quarkus example's RrpcQuarkusTest sends too. */
    static List<String> contentTypes() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/payload-content-types.txt"));
    }

    @ParameterizedTest
    @NullSource
    @MethodSource("contentTypes")
    void everyByteValueReachesTheDeviceAndComesBackWhateverTheContentType(String contentType) throws Exception {
        String deviceName = contentType == null ? "no-content-type" : contentType.replaceAll("[^A-Za-z0-9]", "-");

        HttpResponse<byte[]> response = post(deviceName, contentType, ALL_BYTE_VALUES);

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(devices.received(deviceName)).isEqualTo(ALL_BYTE_VALUES);
        assertThat(response.body()).isEqualTo(RecordingDevices.reply(ALL_BYTE_VALUES));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void anEmptyBodyIsAnEmptyPayload() throws Exception {
        HttpResponse<byte[]> response = post("empty", null, new byte[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(devices.received("empty")).isEmpty();
        assertThat(response.body()).isEmpty();
    }

    private HttpResponse<byte[]> post(String deviceName, String contentType, byte[] body) throws Exception {
        return postBytes("/api/devices/" + RecordingDevices.PRODUCT_ID + "/" + deviceName + "/rrpc", contentType, body);
    }
}
