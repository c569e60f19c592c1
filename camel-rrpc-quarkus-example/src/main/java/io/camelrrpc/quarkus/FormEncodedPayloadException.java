package io.camelrrpc.quarkus;

/** A request body sent form-encoded, whose raw bytes the HTTP layer does not keep: HTTP 415. */
public class FormEncodedPayloadException extends RuntimeException {

    public FormEncodedPayloadException(String contentType) {
        super("Send the payload as the raw request body, e.g. Content-Type: application/octet-stream (curl"
              + " --data-binary @file -H 'Content-Type: application/octet-stream'), not as " + contentType
              + ": form fields lose the raw bytes");
    }
}
