package io.camelrrpc.component.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.RrpcComponent;
import io.netty.util.Version;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HiveMQ transport in a Spring Boot application, on the Netty that Spring Boot's BOM puts on the classpath (older
 * than the one the HiveMQ client was built on): a producer route calls a consumer route through the broker, and the
 * rrpc health indicator reports the connection UP. MQTT 5 against Debian's mosquitto, MQTT 3.1.1 against the embedded
 * broker.
 */
class RrpcHiveMqTransportTest {

    private static final Path PRODUCTION_DOCS = Path.of("..", "docs", "production.md");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("rrpc:NETTY/+").setBody(simple("${header.CamelRrpcDeviceName}:${body}"));
                    from("direct:call").to("rrpc:NETTY/lamp");
                }
            };
        }
    }

    @Test
    void nettyOnTheClasspathIsTheOneSpringBootsBomManagesAndTheDocsName() throws IOException {
        String managed = nettyVersionOfSpringBootsBom();
        Map<String, Version> netty = Version.identify();

        assertThat(netty).containsKeys("netty-common", "netty-buffer", "netty-codec", "netty-handler", "netty-transport");
        assertThat(netty.values()).extracting(Version::artifactVersion).as("every Netty artifact").containsOnly(managed);
        Matcher documented = Pattern.compile("Spring Boot (\\S+)'s BOM manages (\\S+)\\. ")
                .matcher(Files.readString(PRODUCTION_DOCS, StandardCharsets.UTF_8).replaceAll("\\s+", " "));
        assertThat(documented.find()).as("docs/production.md says which Netty Spring Boot's BOM manages").isTrue();
        assertThat(documented.group(1) + " " + documented.group(2)).as("Spring Boot and Netty in docs/production.md")
                .isEqualTo(SpringBootVersion.getVersion() + " " + managed);
    }

    @Test
    void mqtt5AgainstMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
        try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
            callThroughTheBroker(broker.getBrokerUrl(), "5");
        }
    }

    @Test
    void mqtt311AgainstTheEmbeddedBroker() {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().start()) {
            callThroughTheBroker(broker.getBrokerUrl(), "3.1.1");
        }
    }

    private static void callThroughTheBroker(String brokerUrl, String protocolVersion) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("camel.component.rrpc.broker-url=" + brokerUrl,
                        "camel.component.rrpc.protocol-version=" + protocolVersion,
                        "camel.component.rrpc.request-timeout=2s")
                .run()) {
            ProducerTemplate template = app.getBean(ProducerTemplate.class);

            assertThat(template.requestBody("direct:call", "on", String.class)).isEqualTo("lamp:on");
            RrpcComponent rrpc = app.getBean(CamelContext.class).getComponent("rrpc", RrpcComponent.class);
            assertThat(rrpc.getConnections()).isNotEmpty().allSatisfy(connection -> assertThat(
                    "MQTT " + connection.protocolVersion()).isEqualTo("MQTT " + protocolVersion));
            IndicatedHealthDescriptor health =
                    (IndicatedHealthDescriptor) app.getBean(HealthEndpoint.class).healthForPath("rrpc");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).asString().contains(brokerUrl);
        }
    }

    /** The {@code netty.version} property of the spring-boot-dependencies BOM the build imports (see the pom). */
    private static String nettyVersionOfSpringBootsBom() throws IOException {
        String bom = System.getProperty("spring-boot.bom");
        assertThat(bom).as("system property spring-boot.bom, set by the starter's pom").isNotNull();
        Matcher version = Pattern.compile("<netty\\.version>([^<]+)</netty\\.version>")
                .matcher(Files.readString(Path.of(bom), StandardCharsets.UTF_8));
        assertThat(version.find()).as("netty.version in %s", bom).isTrue();
        return version.group(1);
    }
}
