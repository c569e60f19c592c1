package io.camelrrpc.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The {@code camel} check at {@code /q/health} and {@code /q/health/live}: UP while the Camel context runs. */
@Liveness
@ApplicationScoped
public class CamelLiveness implements HealthCheck {

    private final CamelContext camelContext;

    public CamelLiveness(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("camel").status(camelContext.isStarted())
                .withData("context", camelContext.getName()).withData("status", camelContext.getStatus().name())
                .build();
    }
}
