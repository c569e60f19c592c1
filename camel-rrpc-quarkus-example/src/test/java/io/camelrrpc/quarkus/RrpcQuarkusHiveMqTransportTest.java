package io.camelrrpc.quarkus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.RrpcComponent;
import io.netty.util.Version;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Every test of {@link RrpcQuarkusTest} again with MQTT 5 against Debian's mosquitto, on
 * the Netty that the Quarkus BOM puts on the classpath (older than the one the HiveMQ client was built on); and that
 * it is that Netty, which docs/production.md names.
 */
@QuarkusTest
@TestProfile(RrpcQuarkusHiveMqTransportTest.HiveMqMqtt5OnMosquitto.class)
@EnabledIf(value = "io.camelrrpc.broker.MosquittoBroker#isInstalled", disabledReason = "mosquitto is not installed")
class RrpcQuarkusHiveMqTransportTest extends RrpcQuarkusTest {

    private static final Path PRODUCTION_DOCS = Path.of("..", "docs", "production.md");

    @ConfigProperty(name = "rrpc.broker-url")
    String brokerUrl;

    /** MQTT 5, on a mosquitto started for the application. */
    public static class HiveMqMqtt5OnMosquitto implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel.component.rrpc.protocol-version", "5");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Mosquitto.class));
        }
    }

    /** Debian's mosquitto on a free port, as {@code rrpc.broker-url}, for the lifetime of the application. */
    public static class Mosquitto implements QuarkusTestResourceLifecycleManager {
        private MosquittoBroker broker;

        @Override
        public Map<String, String> start() {
            broker = MosquittoBroker.builder().start();
            return Map.of("rrpc.broker-url", broker.getBrokerUrl());
        }

        @Override
        public void stop() {
            broker.close();
        }
    }

    @Test
    void callsGoOverMqtt5ToMosquitto() {
        assertThat(context.getComponent("rrpc", RrpcComponent.class).getConnections()).isNotEmpty()
                .allSatisfy(connection -> assertThat("MQTT " + connection.protocolVersion()
                                                     + " " + connection.brokerUrl())
                        .isEqualTo("MQTT 5 " + brokerUrl));
        when().get("/q/health")
                .then().statusCode(200)
                .body("checks.find { it.name == 'rrpc' }.status", is("UP"));
    }

    @Test
    void nettyOnTheClasspathIsTheOneTheQuarkusBomManagesAndTheDocsName() throws IOException {
        String managed = nettyVersionOfTheQuarkusBom();

        assertThat(Version.identify())
                .containsKeys("netty-common", "netty-buffer", "netty-codec", "netty-handler", "netty-transport")
                .allSatisfy((artifact, version) -> assertThat(version.artifactVersion()).as(artifact).isEqualTo(managed));
        String docs = Files.readString(PRODUCTION_DOCS, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(Pattern.compile("Quarkus \\S+'s BOM manages \\S+\\. ").matcher(docs).results().map(MatchResult::group))
                .as("what docs/production.md says the Quarkus BOM manages")
                .containsExactly("Quarkus " + io.quarkus.builder.Version.getVersion() + "'s BOM manages " + managed + ". ");
    }

    /** The version of {@code io.netty:netty-common} in the (flattened) quarkus-bom the build imports (see the pom). */
    private static String nettyVersionOfTheQuarkusBom() throws IOException {
        String bom = System.getProperty("quarkus-bom");
        assertThat(bom).as("system property quarkus-bom, set by the module's pom").isNotNull();
        Matcher version = Pattern.compile(
                        "<groupId>io\\.netty</groupId>\\s*<artifactId>netty-common</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of(bom), StandardCharsets.UTF_8));
        assertThat(version.find()).as("io.netty:netty-common in %s", bom).isTrue();
        return version.group(1);
    }
}
