package io.zhibiao.query.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Elasticsearch not there: every endpoint says so with a 503 and a reason, and the page still loads. */
@QuarkusTest
@TestProfile(ElasticsearchAwayTest.NoElasticsearch.class)
class ElasticsearchAwayTest {

    public static class NoElasticsearch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:9");
        }
    }

    @Test
    void unavailableIsA503WithAReason() {
        for (String url : new String[]{"/api/search?q=新能源", "/api/indicators", "/api/indicators/compare?indicator=gdp&period=2023",
                "/api/reports/abc", "/api/catalog"}) {
            given().get(url).then().statusCode(503).body("reason", containsString("search engine"));
        }
        // a bad request is still a 400: validation comes first
        given().get("/api/search").then().statusCode(400);
        given().get("/").then().statusCode(200);
    }
}
