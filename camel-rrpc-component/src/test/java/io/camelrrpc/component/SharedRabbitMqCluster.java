package io.camelrrpc.component;

import java.util.stream.IntStream;

import io.camelrrpc.broker.RabbitMqCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One 3-node RabbitMQ cluster for all tests of a class (a start costs about 30 s on 2 cores); register it with
 * {@code @RegisterExtension} on a static field. Each test starts with every node running: nodes a test killed are
 * started again before the next one. The tests are skipped where {@code rabbitmq-server} is not installed.
 */
final class SharedRabbitMqCluster implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final int NODES = 3;

    private RabbitMqCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(RabbitMqCluster.isInstalled(),
                "RabbitMQ is not installed (apt-get install rabbitmq-server): the broker cluster tests are skipped");
        cluster = RabbitMqCluster.start(NODES);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        IntStream.range(0, NODES).filter(node -> !cluster.isRunning(node)).forEach(cluster::restart);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    RabbitMqCluster cluster() {
        return cluster;
    }

    /**
     * The cluster's addresses as a {@code brokerUrl} list that starts with one node and goes on round the cluster,
     * e.g. for node 1 (of 0, 1, 2): {@code tcp://...node1,tcp://...node2,tcp://...node0}.
     */
    String brokerUrlsFrom(int first) {
        return String.join(",", IntStream.range(0, NODES).mapToObj(i -> cluster.brokerUrl((first + i) % NODES)).toList());
    }
}
