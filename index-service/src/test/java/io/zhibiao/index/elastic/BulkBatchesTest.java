package io.zhibiao.index.elastic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkBatchesTest {

    static List<BulkBatches.Sized<String>> ops(long... sizes) {
        List<BulkBatches.Sized<String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            out.add(new BulkBatches.Sized<>("op" + i, sizes[i]));
        }
        return out;
    }

    @Test
    void requestsAreCutByCountAndKeepTheOrder() {
        assertThat(new BulkBatches(2, 1000).split(ops(1, 1, 1, 1, 1)))
                .containsExactly(List.of("op0", "op1"), List.of("op2", "op3"), List.of("op4"));
    }

    @Test
    void requestsAreCutBySizeAndABigOperationGoesAlone() {
        // a 50,000-character report is 150 kB of JSON: with a 200 kB limit it shares with little, and
        // a 300 kB one goes alone rather than not at all
        assertThat(new BulkBatches(1000, 200_000).split(ops(150_000, 40_000, 20_000, 300_000, 10)))
                .containsExactly(List.of("op0", "op1"), List.of("op2"), List.of("op3"), List.of("op4"));
        assertThat(new BulkBatches(10, 100).split(ops())).isEmpty();
    }

    @Test
    void chineseTextIsThreeBytesACharacter() {
        assertThat(BulkBatches.textBytes("新能源汽车")).isEqualTo(15);
        assertThat(BulkBatches.textBytes(null)).isZero();
        assertThatThrownBy(() -> new BulkBatches(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
