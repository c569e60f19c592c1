package io.camelrrpc.examples.alibaba;

/**
 * A request the Alibaba-compatible API refuses. Like Alibaba Cloud, common-parameter and signature errors are
 * answered with an HTTP error status and {@code {"RequestId","Code","Message"}}, errors of the RRpc call itself
 * with HTTP 200 and {@code {"RequestId","Success":false,"Code","ErrorMessage"}}.
 */
public class AlibabaApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    private AlibabaApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** A refused common parameter or signature, answered with the HTTP status. */
    static AlibabaApiException gateway(int status, String code, String message) {
        return new AlibabaApiException(status, code, message);
    }

    /** A failed RRpc call, answered with HTTP 200 and Success false. */
    static AlibabaApiException call(String code, String message) {
        return new AlibabaApiException(200, code, message);
    }

    /** The HTTP status: 200 for a failed call, else that of the refused request. */
    public int getStatus() {
        return status;
    }

    public String getCode() {
        return code;
    }
}
