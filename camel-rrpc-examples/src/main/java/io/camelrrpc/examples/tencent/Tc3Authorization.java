package io.camelrrpc.examples.tencent;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A TC3-HMAC-SHA256 {@code Authorization} header:
 * {@code TC3-HMAC-SHA256 Credential={SecretId}/{date}/{service}/tc3_request, SignedHeaders=content-type;host,
 * Signature={hex}}.
 *
 * @param secretId      the SecretId of the key the request is signed with
 * @param date          the UTC date of the credential scope, yyyy-MM-dd
 * @param service       the service of the credential scope, e.g. iotcloud
 * @param signedHeaders the names of the signed headers: lower case, ascending, with content-type and host
 * @param signature     the signature, hex
 */
record Tc3Authorization(String secretId, String date, String service, List<String> signedHeaders,
        String signature) {

    static final String HEADER = "Authorization";

    /**
     * Reads the header.
     *
     * @throws TencentApiException AuthFailure.InvalidAuthorization when it is not such a header
     */
    static Tc3Authorization parse(String header) {
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equals(Tc3Signature.ALGORITHM)) {
            throw invalid("The Authorization header must start with " + Tc3Signature.ALGORITHM);
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : header.substring(space + 1).split(",")) {
            int equals = field.indexOf('=');
            if (equals < 0) {
                throw invalid("The Authorization header has a part without '=': '" + field.trim() + "'");
            }
            fields.put(field.substring(0, equals).trim(), field.substring(equals + 1).trim());
        }
        String[] scope = required(fields, "Credential").split("/", -1);
        if (scope.length != 4 || scope[0].isEmpty() || scope[1].isEmpty() || scope[2].isEmpty()
            || !Tc3Signature.TERMINATOR.equals(scope[3])) {
            throw invalid("Credential must be {SecretId}/{date}/{service}/" + Tc3Signature.TERMINATOR);
        }
        return new Tc3Authorization(scope[0], scope[1], scope[2],
                signedHeaders(required(fields, "SignedHeaders")), required(fields, "Signature"));
    }

    private static List<String> signedHeaders(String text) {
        List<String> names = List.of(text.split(";", -1));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))
                || i > 0 && name.compareTo(names.get(i - 1)) <= 0) {
                throw invalid("SignedHeaders must be lower-case header names in ascending order separated by ';',"
                              + " got '" + text + "'");
            }
        }
        if (!names.contains("content-type") || !names.contains("host")) {
            throw invalid("SignedHeaders must include content-type and host, got '" + text + "'");
        }
        return names;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw invalid("The Authorization header has no " + name);
        }
        return value;
    }

    private static TencentApiException invalid(String message) {
        return new TencentApiException(TencentErrorCodes.INVALID_AUTHORIZATION, message);
    }
}
