package io.camelrrpc.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RabbitMQ cluster (the Debian {@code rabbitmq-server} package, plugin {@code rabbitmq_mqtt}) of several nodes on
 * loopback, each its own Erlang VM, for tests that kill and restart brokers of a cluster. MQTT 3.1.1 only (RabbitMQ
 * 3.10); {@code $rrpc/...} topics route across the nodes.
 * <p>
 * Everything is private to the cluster: node names ({@code rrpc1@localhost}...), MQTT and distribution ports, an
 * Erlang port mapper (epmd) on a port of its own, a random Erlang cookie, and the nodes' data, configuration and logs
 * in a temporary folder that {@link #close()} deletes. The nodes form the cluster by themselves at their first start
 * (peer discovery from the configured node list), so no node is started twice. A shutdown hook kills whatever is
 * still running when the JVM exits.
 */
public final class RabbitMqCluster implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    /** A first start of several nodes on a busy 2-core machine takes about 30 s. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern RUNNING_NODES = Pattern.compile("\"running_nodes\":\\[([^]]*)]");
    private static final Logger LOG = LoggerFactory.getLogger(RabbitMqCluster.class);

    private final Path dir;
    private final List<RabbitMqNode> nodes;
    private final ErlangPortMapper portMapper;
    private final Thread killOnExit = new Thread(this::killAll, "rabbitmq-cluster-kill-on-exit");

    private RabbitMqCluster(int size) {
        this.dir = TempDirectories.create("camel-rrpc-rabbitmq-");
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path cookie = home.resolve(".erlang.cookie");
            Files.writeString(cookie, UUID.randomUUID().toString().replace("-", ""), StandardCharsets.US_ASCII);
            // Erlang refuses a cookie that others can read
            Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
            this.portMapper = new ErlangPortMapper(FreePorts.pick(HOST), dir);
            List<String> names = IntStream.rangeClosed(1, size).mapToObj(i -> "rrpc" + i + "@localhost").toList();
            this.nodes = new ArrayList<>();
            for (String name : names) {
                nodes.add(new RabbitMqNode(name, names, dir, home, portMapper.port()));
            }
        } catch (IOException e) {
            TempDirectories.delete(dir);
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
    }

    /** @return whether RabbitMQ (Debian {@code rabbitmq-server}) and Erlang's {@code epmd} are installed */
    public static boolean isInstalled() {
        return Files.isExecutable(RabbitMqNode.SERVER) && Files.isExecutable(RabbitMqNode.CTL) && Executables.find("epmd").isPresent();
    }

    /**
     * Starts a cluster and waits until every node runs in it and accepts MQTT clients.
     *
     * @param size how many nodes, e.g. 3
     * @throws IllegalStateException if a node exits or the cluster is not up within 120 s (with the node's log tail)
     */
    public static RabbitMqCluster start(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, not " + size);
        }
        RabbitMqCluster cluster = new RabbitMqCluster(size);
        try {
            Runtime.getRuntime().addShutdownHook(cluster.killOnExit);
            long started = System.nanoTime();
            cluster.portMapper.start();
            cluster.nodes.forEach(RabbitMqNode::launch);
            long deadline = started + START_TIMEOUT.toNanos();
            for (RabbitMqNode node : cluster.nodes) {
                node.awaitListening(deadline);
            }
            cluster.awaitRunningNodes(size, deadline);
            LOG.info("RabbitMQ cluster of {} nodes up in {} ms: {}", size,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), cluster.brokerUrls());
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** @return how many nodes the cluster has */
    public int size() {
        return nodes.size();
    }

    /**
     * @param node 0 for the first node
     * @return e.g. {@code tcp://127.0.0.1:41883}, the node's MQTT listener
     */
    public String brokerUrl(int node) {
        return nodes.get(node).brokerUrl();
    }

    /** @return every node's {@link #brokerUrl(int)}, in node order */
    public List<String> brokerUrls() {
        return nodes.stream().map(RabbitMqNode::brokerUrl).toList();
    }

    /**
     * Kills a node at once ({@code SIGKILL}, as a crash or a power loss) and waits until its process is gone: its
     * clients lose their connections without a word from the broker.
     */
    public void kill(int node) {
        nodes.get(node).kill();
    }

    /** @return whether the node's Erlang VM runs */
    public boolean isRunning(int node) {
        return nodes.get(node).isRunning();
    }

    /**
     * Starts a killed node again and waits until it is back in the cluster and accepts MQTT clients (4-9 s here).
     *
     * @throws IllegalStateException if it is running already, exits, or is not back within 120 s
     */
    public void restart(int node) {
        long started = System.nanoTime();
        long deadline = started + START_TIMEOUT.toNanos();
        RabbitMqNode restarted = nodes.get(node);
        restarted.launch();
        restarted.awaitListening(deadline);
        awaitRunningNodes((int) IntStream.range(0, size()).filter(this::isRunning).count(), deadline);
        LOG.info("RabbitMQ node {} back in the cluster in {} ms", restarted.name(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Kills every node and the port mapper, and deletes the folder with the nodes' data and logs. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook runs anyway and finds nothing left
        }
        TempDirectories.delete(dir);
    }

    private void killAll() {
        nodes.forEach(RabbitMqNode::kill);
        portMapper.stop();
    }

    /** Asks a running node (with {@code rabbitmqctl}) until the cluster has that many running nodes. */
    private void awaitRunningNodes(int expected, long deadline) {
        RabbitMqNode running = nodes.stream().filter(RabbitMqNode::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RabbitMQ node runs"));
        while (true) {
            String status = running.control("cluster_status", "--formatter", "json");
            Matcher matcher = RUNNING_NODES.matcher(status);
            List<String> names = matcher.find() ? List.of(matcher.group(1).replace("\"", "").split(",")) : List.of();
            if (names.size() >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("RabbitMQ cluster has running nodes " + names + ", expected "
                        + expected + "; logs:\n" + nodes.stream().map(RabbitMqNode::logTail)
                        .collect(Collectors.joining("\n")));
            }
            // each rabbitmqctl run takes about a second: no pause needed between them
        }
    }
}
