package io.zhibiao.query.indicators;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.ArrayList;
import java.util.List;

/**
 * A fact that no table can place, with why: {@code no_region} (the report does not say which
 * government issued it) and/or {@code no_period} (the text does not say which year the number is about).
 * The fact's own fields (quote, documentId, …) follow beside {@code why}.
 */
public record UnplacedFact(List<String> why, @JsonUnwrapped Fact fact) {

    public static UnplacedFact of(Fact f) {
        List<String> why = new ArrayList<>(2);
        if (f.region() == null) {
            why.add("no_region");
        }
        if (f.period() == null) {
            why.add("no_period");
        }
        return new UnplacedFact(List.copyOf(why), f);
    }
}
