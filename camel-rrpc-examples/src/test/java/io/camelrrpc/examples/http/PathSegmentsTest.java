package io.camelrrpc.examples.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Escapes that reach the application; Tomcat itself refuses some others (%00, %2F, bytes that are not UTF-8). */
class PathSegmentsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dev%40x    | dev@x",
        "dev%2540x  | dev%40x",
        "a+b        | a+b",
        "%2B%2b     | ++",
        "d%C3%A9v   | dév",
        "dév%20x    | dév x",
        "%F0%9F%99%82 | \uD83D\uDE42",
        "plain      | plain" })
    void decodesEachEscapeOnce(String segment, String decoded) {
        assertThat(PathSegments.decode("deviceName", segment)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a%zzb  | deviceName 'a%zzb' has a '%' that is not followed by two hex digits",
        "a%4    | deviceName 'a%4' has a '%' that is not followed by two hex digits",
        "a%     | deviceName 'a%' has a '%' that is not followed by two hex digits",
        "a%FFb  | deviceName 'a%FFb' is not percent-encoded UTF-8",
        "%C3    | deviceName '%C3' is not percent-encoded UTF-8" })
    void refusesWhatIsNotPercentEncodedUtf8(String segment, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathSegments.decode("deviceName", segment))
                .withMessage(message);
    }
}
