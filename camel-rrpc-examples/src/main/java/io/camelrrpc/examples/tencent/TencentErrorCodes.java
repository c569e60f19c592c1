package io.camelrrpc.examples.tencent;

import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.component.RrpcTimeoutException;
import io.camelrrpc.examples.http.PayloadTooLargeException;

/**
 * Tencent Cloud API error codes for failures. PublishRRPCMessage's own codes where one fits, else Tencent's common
 * codes. An offline or unknown device cannot be told from a silent one here, so it is FailedOperation.RRPCTimeout
 * too (never FailedOperation.DeviceOffline or ResourceNotFound.DeviceNotExist).
 */
final class TencentErrorCodes {

    static final String RRPC_TIMEOUT = "FailedOperation.RRPCTimeout";
    static final String PAYLOAD_OVER_LIMIT = "InvalidParameterValue.PayloadOverLimit";
    static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    static final String INVALID_PARAMETER = "InvalidParameter";
    static final String MISSING_PARAMETER = "MissingParameter";
    static final String INVALID_ACTION = "InvalidAction";
    static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    static final String INTERNAL_ERROR = "InternalError";
    static final String NO_SUCH_VERSION = "NoSuchVersion";
    static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
    static final String INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
    static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
    static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";

    private TencentErrorCodes() {
    }

    /** The code for a failure of a call. */
    static String of(Exception failure) {
        if (failure instanceof TencentApiException refused) {
            return refused.getCode();
        }
        if (failure instanceof RrpcTimeoutException) {
            return RRPC_TIMEOUT;
        }
        if (failure instanceof RrpcCallException) {
            return SERVICE_UNAVAILABLE;
        }
        if (failure instanceof PayloadTooLargeException) {
            return PAYLOAD_OVER_LIMIT;
        }
        if (failure instanceof IllegalArgumentException) {
            return INVALID_PARAMETER_VALUE;
        }
        return INTERNAL_ERROR;
    }
}
