package io.camelrrpc.broker;


import static org.junit.jupiter.api.Assertions.assertEquals;

/** One RRPC call as the Tencent device SDK does it: request on {@code $rrpc/rxd}, reply on {@code $rrpc/txd}. */
final class RrpcExchange {

    private RrpcExchange() {
    }

    /**
     * Subscribes the device to {@code $rrpc/rxd/P/D/+} and the server to {@code $rrpc/txd/P/D/+},
     * sends a request with the given process id and checks that its reply comes back.
     */
    static void assertRoundTrip(TestMqttClient server, TestMqttClient device, String processId)
            throws Exception {
        device.subscribe("$rrpc/rxd/P/D/+", 1);
        server.subscribe("$rrpc/txd/P/D/+", 1);

        server.publish("$rrpc/rxd/P/D/" + processId, "request " + processId, 1);
        TestMqttClient.Received request = device.awaitMessage();
        assertEquals("$rrpc/rxd/P/D/" + processId, request.topic());
        assertEquals("request " + processId, request.text());

        String replyId = request.topic().substring(request.topic().lastIndexOf('/') + 1);
        device.publish("$rrpc/txd/P/D/" + replyId, "reply " + replyId, 1);
        TestMqttClient.Received reply = server.awaitMessage();
        assertEquals("$rrpc/txd/P/D/" + processId, reply.topic());
        assertEquals("reply " + processId, reply.text());
    }
}
