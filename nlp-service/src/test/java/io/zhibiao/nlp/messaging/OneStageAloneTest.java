package io.zhibiao.nlp.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zhibiao.nlp.RealKafka;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** The extract stage deployed alone (segment switched off, as the nlp-extract Deployment does) starts and is ready. */
@QuarkusTest
@TestProfile(OneStageAloneTest.ExtractOnly.class)
@WithTestResource(RealKafka.class)
class OneStageAloneTest {

    public static class ExtractOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.reports-ingested.enabled", "false");
        }
    }

    @Test
    void theExtractStageAloneIsReady() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
