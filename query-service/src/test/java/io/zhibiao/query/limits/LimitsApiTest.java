package io.zhibiao.query.limits;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zhibiao.query.RealElasticsearch;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** What one client may ask is bounded: a rate per address, and cross-origin callers by allow-list only. */
@QuarkusTest
@TestProfile(LimitsApiTest.Tight.class)
@WithTestResource(RealElasticsearch.class)
class LimitsApiTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhibiao.query.rate-limit.per-second", "0.5",
                    "zhibiao.query.rate-limit.burst", "3",
                    "quarkus.http.cors.origins", "https://app.example.org");
        }
    }

    @Test
    void aClientThatAsksTooFastIsToldToWait() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/catalog").then().statusCode(not(equalTo(429)));
        }
        given().when().get("/api/catalog").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("reason", containsString("too many requests"));
        // the page and the health checks are not the API: never limited
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/").then().statusCode(200);
    }

    @Test
    void onlyListedOriginsMayCallAcrossOrigins() {
        given().header("Origin", "https://app.example.org").when().get("/q/health/live")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://app.example.org"));
        given().header("Origin", "https://elsewhere.example").when().get("/q/health/live")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }
}
