package io.zhibiao.index.elastic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once this version's indices and aliases exist. */
@Readiness
@ApplicationScoped
public class IndicesReadiness implements HealthCheck {
    @Inject
    IndexService index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("elasticsearch-indices").status(index.isReady())
                .withData("version", index.layout() == null ? 0 : index.layout().version()).build();
    }
}
