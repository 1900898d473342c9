package io.zhibiao.nlp.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.nlp.RealKafka;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(RealKafka.class)
class ExtractResourceTest {

    @Test
    void aSentenceOfAReportBecomesFacts() {
        given().contentType("text/plain; charset=UTF-8")
                .body("一、2023年工作回顾\n初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%。")
                .queryParam("region", "锦州市").queryParam("year", 2024)
                .when().post("/api/extract")
                .then().statusCode(200)
                .body("indicator", hasItem("gdp"))
                .body("value", hasItem(5.4f))
                .body("region", hasItem("锦州市"));
    }

    @Test
    void anEmptyBodyIsABadRequestWithItsReason() {
        given().contentType("text/plain").body("").when().post("/api/extract")
                .then().statusCode(400).body("reason", containsString("empty"));
    }
}
