package io.zhibiao.query;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point: Quarkus, with its check of the request target turned off, because that check
 * answers a URL with raw UTF-8 in it (curl 'http://…/api/search?q=新能源') with an empty 400 before any
 * route runs. {@link io.zhibiao.query.api.HttpErrors} reads such URLs, and answers the unreadable ones
 * with a reason.
 */
@QuarkusMain
public final class QueryMain {
    private QueryMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
