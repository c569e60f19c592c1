package io.camelrrpc.component.springboot;

import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.RrpcConfiguration;
import io.camelrrpc.component.RrpcDialect;
import io.camelrrpc.component.RrpcEndpoint;
import io.camelrrpc.component.spi.ProcessIdGenerator;
import io.camelrrpc.component.credentials.SignMethod;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The options in application-binding.properties reach the component and, through it, its endpoints. */
@SpringBootTest(classes = RrpcComponentPropertiesTest.App.class)
@ActiveProfiles("binding")
class RrpcComponentPropertiesTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        ProcessIdGenerator fixedProcessIds() {
            return () -> "0000000000000001";
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProcessIdGenerator fixedProcessIds;

    @Test
    void propertiesReachTheComponent() {
        RrpcConfiguration configuration = camelContext.getComponent("rrpc", RrpcComponent.class).getConfiguration();

        assertThat(configuration.getBrokerUrl()).isEqualTo("tcp://broker.example:1884");
        assertThat(configuration.getClientId()).isEqualTo("starter-test");
        assertThat(configuration.getQos()).isEqualTo(1);
        assertThat(configuration.getRequestTimeout()).isEqualTo(2500);
        assertThat(configuration.getProcessIdGenerator()).isSameAs(fixedProcessIds);
        assertThat(configuration.getSslContextParameters().getSecureSocketProtocol()).isEqualTo("TLSv1.3");
        assertThat(configuration.getSignMethod()).isEqualTo(SignMethod.HmacSha1);
        assertThat(configuration.getSdkAppId()).isEqualTo("21010406");
        assertThat(configuration.getDialect()).as("an option not set keeps its default").isEqualTo(RrpcDialect.Tencent);
        assertThat(configuration.getMaxPendingCalls()).as("an option not set keeps its default").isEqualTo(100_000);
    }

    @Test
    void endpointsInheritTheComponentOptions() {
        RrpcEndpoint endpoint = camelContext.getEndpoint("rrpc:KL4J2ABCD8/airConditioner1", RrpcEndpoint.class);

        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(2500);
        assertThat(endpoint.getConfiguration().getBrokerUrl()).isEqualTo("tcp://broker.example:1884");
    }
}
