package io.zhibiao.ingest.domain.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The place a source address spells in pinyin. */
class SourceSiteTest {
    private final SourceSite sites = new SourceSite(RegionDirectory.standard());

    private String place(String url) {
        Division d = sites.place(url);
        return d == null ? null : d.name();
    }

    @Test
    void hostsThatSpellAPlace() {
        assertThat(place("https://z.hangzhou.com.cn/2022/hzlh/content/content_8209823.html")).isEqualTo("杭州市");
        assertThat(place("http://longjing.gov.cn/zw/ljyw/202601/t20260119_565647.html")).isEqualTo("龙井市");
        // a province's label settles which 文昌 and names the unit inside it
        assertThat(place("https://wenchang.hainan.gov.cn/wenchang/lhjdbg/x.shtml")).isEqualTo("文昌市");
        // two letters of the province before the county: hb + daye
        assertThat(place("http://www.hbdaye.gov.cn/zfxxgk/x.html")).isEqualTo("大冶市");
    }

    @Test
    void hostsThatSpellNothingOrSeveralPlaces() {
        assertThat(place("https://www.gongwensou.com/zhengfubaogao/32409.html")).isNull();
        assertThat(place("http://news.china.com/focus/x.html")).isNull();
        // 台州 and 泰州 are both taizhou
        assertThat(place("http://www.taizhou.gov.cn/")).isNull();
        assertThat(place("file:/tmp/a16.txt")).isNull();
        assertThat(place("not a url")).isNull();
        assertThat(place(null)).isNull();
    }
}
