package com.example.newcomer;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

@SpringBootApplication
public class NewcomerApplication {

    public static void main(String[] args) {
        SpringApplication.run(NewcomerApplication.class, args);
    }

    /** The README's two routes: a caller and a gateway that answers for every device of the product. */
    @Component
    static class Routes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:switchOff")
                    .to("rrpc:KL4J2ABCD8/airConditioner1");

            from("rrpc:KL4J2ABCD8/+")
                    .setBody(simple("${header.CamelRrpcDeviceName}: ${body} ok"));
        }
    }
}
