package io.zhibiao.index.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.index.RealServers;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Switching aliases and deleting versions need the admin API key; reading the status does not. */
@QuarkusTest
@WithTestResource(RealServers.class)
class AdminAuthTest {

    @Test
    void adminWritesNeedTheKey() {
        given().when().post("/api/admin/aliases/switch?version=1")
                .then().statusCode(401).body("reason", containsString("API key is required"));
        given().header("X-API-Key", "wrong").when().delete("/api/admin/versions/7")
                .then().statusCode(401).body("reason", containsString("not valid"));
    }

    @Test
    void withTheKeyTheRequestIsJudgedOnItsMerits() {
        await().until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        // version 1 is the one this instance writes and the aliases already point at it
        given().header("Authorization", "Bearer test-admin-key").when().post("/api/admin/aliases/switch?version=1&force=true")
                .then().statusCode(200);
        // deleting the version the aliases point at is refused for what it is, not for the key
        given().header("X-API-Key", "test-admin-key").when().delete("/api/admin/versions/1")
                .then().statusCode(409);
    }

    @Test
    void readingNeedsNoKey() {
        await().until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        given().when().get("/api/admin/indices").then().statusCode(200);
    }
}
