package io.camelrrpc.examples;

import io.camelrrpc.examples.logging.RrpcCallLogger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The example application: an HTTP API in front of the rrpc producer, simulated devices answering on the rrpc
 * consumer, and an embedded MQTT broker unless a real one is configured.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RrpcExamplesApplication {

    public static void main(String[] args) {
        SpringApplication.run(RrpcExamplesApplication.class, args);
    }

    @Bean
    RrpcCallLogger rrpcCallLogger() {
        return new RrpcCallLogger();
    }
}
