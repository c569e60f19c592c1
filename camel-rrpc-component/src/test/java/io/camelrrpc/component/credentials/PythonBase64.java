package io.camelrrpc.component.credentials;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Base64 decoded by Debian's {@code /usr/bin/python3} with {@code base64.b64decode} (not validating), as Tencent's
 * Python device SDK decodes device keys: independent of the code under test.
 */
public final class PythonBase64 {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Reads one hex-encoded key a line; prints the hex of its decoding or ERR a line. */
    private static final String SCRIPT = """
            import base64, binascii, sys
            for line in sys.stdin.read().split():
                try:
                    print(base64.b64decode(bytes.fromhex(line).decode('ascii')).hex())
                except (binascii.Error, ValueError):
                    print('ERR')
            """;

    private PythonBase64() {
    }

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed");
    }

    /** The hex of each key's bytes as Python decodes it, or {@code ERR} where Python refuses it. */
    public static List<String> decodeHex(List<String> keys) {
        StringBuilder input = new StringBuilder();
        keys.forEach(key -> input.append(HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8))).append('\n'));
        try {
            Process python = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT).redirectErrorStream(true).start();
            try (OutputStream in = python.getOutputStream()) {
                in.write(input.toString().getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(10, TimeUnit.SECONDS)).as("python finished").isTrue();
            assertThat(python.exitValue()).as("python exit code; output: %s", output).isZero();
            return output.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + PYTHON, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
