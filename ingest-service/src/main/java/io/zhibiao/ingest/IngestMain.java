package io.zhibiao.ingest;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point: Quarkus, with its check of the request target turned off, because that check
 * answers a URL with raw UTF-8 in it (a file name in Chinese in ?fileName=) with an empty 400 before any
 * route runs. {@link io.zhibiao.ingest.api.HttpErrors} reads such URLs, and answers the unreadable ones
 * with a reason.
 */
@QuarkusMain
public final class IngestMain {
    private IngestMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
