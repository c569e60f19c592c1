package io.camelrrpc.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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

    /**
     * The JSON of the example's HTTP routes, on Jackson 2 like Camel 4.22 and the component (Spring Boot 4
     * auto-configures only Jackson 3): instants as ISO-8601 text.
     */
    @Bean
    ObjectMapper objectMapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    @Bean
    RrpcCallLogger rrpcCallLogger() {
        return new RrpcCallLogger();
    }
}
