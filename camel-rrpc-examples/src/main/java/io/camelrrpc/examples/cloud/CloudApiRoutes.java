package io.camelrrpc.examples.cloud;

import io.camelrrpc.examples.alibaba.AlibabaApiRoutes;
import io.camelrrpc.examples.console.ConsoleRoutes;
import io.camelrrpc.examples.tencent.TencentApiRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The root path, where both clouds put their API: {@code POST /} with an {@code X-TC-Action} header is a Tencent
 * Cloud API 3.0 request; any other {@code POST /}, and a {@code GET /} with an {@code Action} parameter, is an
 * Alibaba Cloud RPC request named by it; a plain {@code GET /} is the console page.
 */
@Component
public class CloudApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/")
                .post().routeId("rest-cloud-api-post")
                .to("direct:cloud-api")
                .get().routeId("rest-root-get")
                .to("direct:root-get");

        from("direct:root-get").routeId("root-get")
                .choice()
                    .when(header(AlibabaApiRoutes.ACTION_PARAMETER).isNotNull())
                        .to(AlibabaApiRoutes.ACTION_ENDPOINT)
                    .otherwise()
                        .to(ConsoleRoutes.PAGE_ENDPOINT)
                .end();

        from("direct:cloud-api").routeId("cloud-api")
                .choice()
                    .when(header(TencentApiRoutes.ACTION_HEADER).isNotNull())
                        .to(TencentApiRoutes.ACTION_ENDPOINT)
                    .otherwise()
                        .to(AlibabaApiRoutes.ACTION_ENDPOINT)
                .end();
    }
}
