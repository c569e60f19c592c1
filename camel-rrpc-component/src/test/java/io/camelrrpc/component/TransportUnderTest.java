package io.camelrrpc.component;

import io.camelrrpc.component.Transport;

/** The transport the tests of this JVM run on: the system property {@value #PROPERTY}, by default Paho. */
final class TransportUnderTest {

    /** Set by the surefire execution that runs the {@link OnBothTransports} classes on HiveMQ. */
    static final String PROPERTY = "rrpc.test.transport";

    private TransportUnderTest() {
    }

    static Transport transport() {
        return Transport.valueOf(System.getProperty(PROPERTY, Transport.Paho.name()));
    }
}
