package io.camelrrpc.component;

import java.util.function.BooleanSupplier;

import io.camelrrpc.component.spi.CallOutcome;
import io.camelrrpc.component.spi.RrpcObserver;
import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/** A producer's callback that first tells the observer how the call ended and how long it took. */
final class ObservedCall implements AsyncCallback {

    private final Exchange exchange;
    private final AsyncCallback callback;
    private final RrpcObserver observer;
    private final RrpcAddress endpointDevice;
    private final BooleanSupplier connected;
    private final long startNanos = System.nanoTime();

    /**
     * @param endpointDevice the endpoint's device, named for calls that fail before they have an address
     * @param connected      whether the producer's broker connection is up now
     */
    ObservedCall(Exchange exchange, AsyncCallback callback, RrpcObserver observer, RrpcAddress endpointDevice,
                 BooleanSupplier connected) {
        this.exchange = exchange;
        this.callback = callback;
        this.observer = observer;
        this.endpointDevice = endpointDevice;
        this.connected = connected;
    }

    @Override
    public void done(boolean doneSync) {
        Exception failure = exchange.getException();
        observer.callEnded(address(failure), outcome(failure, connected.getAsBoolean()), System.nanoTime() - startNanos);
        callback.done(doneSync);
    }

    /** The call's address: on success the producer's headers name it, a call failure carries it. */
    private RrpcAddress address(Exception failure) {
        if (failure instanceof RrpcCallFailure callFailure) {
            return callFailure.getAddress();
        }
        if (failure == null) {
            var message = exchange.getMessage();
            return new RrpcAddress(message.getHeader(RrpcConstants.PRODUCT_ID, String.class),
                    message.getHeader(RrpcConstants.DEVICE_NAME, String.class),
                    message.getHeader(RrpcConstants.PROCESS_ID, String.class));
        }
        return endpointDevice;
    }

    static CallOutcome outcome(Exception failure, boolean connected) {
        if (failure == null) {
            return CallOutcome.OK;
        }
        if (failure instanceof RrpcTimeoutException) {
            return CallOutcome.TIMEOUT;
        }
        if (failure instanceof RrpcRejectedException) {
            return CallOutcome.REJECTED;
        }
        boolean couldNotReachTheBroker = failure instanceof RrpcConnectionLostException
                                         || failure instanceof RrpcDeviceOfflineException
                                         || failure instanceof RrpcCallException && !connected
                                            && !(failure instanceof RrpcPayloadTooLargeException);
        return couldNotReachTheBroker ? CallOutcome.OFFLINE : CallOutcome.ERROR;
    }
}
