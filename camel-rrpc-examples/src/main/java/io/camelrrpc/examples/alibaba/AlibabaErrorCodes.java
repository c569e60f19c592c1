package io.camelrrpc.examples.alibaba;

import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.examples.http.PayloadTooLargeException;

/**
 * Alibaba Cloud error codes: the common ones of its API gateway for requests it refuses, IoT Platform's for
 * failed calls. A device that is offline or unknown cannot be told from a silent one here, so calls never fail with
 * iot.messagebroker.OFFLINE; they answer RrpcCode TIMEOUT.
 */
final class AlibabaErrorCodes {

    static final String MISSING_PARAMETER = "MissingParameter";
    static final String INVALID_PARAMETER = "InvalidParameter";
    static final String INVALID_ACTION = "InvalidAction.NotFound";
    static final String INVALID_VERSION = "InvalidVersion";
    static final String INVALID_ACCESS_KEY_ID = "InvalidAccessKeyId.NotFound";
    static final String INVALID_TIMESTAMP_FORMAT = "InvalidTimeStamp.Format";
    static final String TIMESTAMP_EXPIRED = "InvalidTimeStamp.Expired";
    static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
    static final String SIGNATURE_NONCE_USED = "SignatureNonceUsed";

    static final String NULL_PRODUCT_KEY = "iot.prod.NullProductKey";
    static final String INVALID_PRODUCT_KEY = "iot.prod.InvalidFormattedProductkey";
    static final String NULL_DEVICE_NAME = "iot.device.NullDeviceName";
    static final String INVALID_DEVICE_NAME = "iot.device.InvalidFormattedDeviceName";
    static final String NULL_MESSAGE_CONTENT = "iot.messagebroker.NullMessageContent";
    static final String NOT_BASE64 = "iot.messagebroker.MessageContentIsNotBase64Encode";
    static final String INVALID_TIMEOUT = "iot.messagebroker.InvalidTimeoutValue";
    static final String RRPC_FAILED = "iot.messagebroker.RrpcFailed";
    static final String ILLEGAL_REQUEST = "iot.system.IllegalRequest";
    static final String SYSTEM_EXCEPTION = "iot.system.SystemException";

    private AlibabaErrorCodes() {
    }

    /** The refusal to answer for a failure of a call. */
    static AlibabaApiException of(Exception failure) {
        if (failure instanceof AlibabaApiException refused) {
            return refused;
        }
        String code;
        if (failure instanceof RrpcCallException) {
            code = RRPC_FAILED;
        } else if (failure instanceof PayloadTooLargeException || failure instanceof IllegalArgumentException) {
            code = ILLEGAL_REQUEST;
        } else {
            code = SYSTEM_EXCEPTION;
        }
        return AlibabaApiException.call(code, failure.getMessage());
    }
}
