package io.camelrrpc.examples.tencent;

/** A request the Tencent-compatible API refuses, with the Tencent Cloud API error code to answer. */
public class TencentApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public TencentApiException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
