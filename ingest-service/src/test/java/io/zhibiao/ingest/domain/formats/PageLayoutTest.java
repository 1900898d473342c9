package io.zhibiao.ingest.domain.formats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageLayoutTest {

    static List<PagedText.Page> pages(String... texts) {
        List<PagedText.Page> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            out.add(new PagedText.Page(i + 1, texts[i]));
        }
        return out;
    }

    @Test
    void runningHeadersAndPageNumbersGo() {
        List<PagedText.Page> cleaned = PageLayout.clean(pages(
                "锦州市人民政府公报 2024年第1期\n一、工作回顾\n全年地区生产总值增长5.4%。\n- 1 -",
                "锦州市人民政府公报 2024年第2期\n二、工作安排\n城镇新增就业1.7万人。\n第2页 共4页",
                "锦州市人民政府公报 2024年第3期\n三、政府建设\n依法行政。\n3/4",
                "锦州市人民政府公报 2024年第4期\n四、结语\n奋力开创新局面。\n— 4 —"), false);
        assertThat(cleaned).extracting(PagedText.Page::text).containsExactly(
                "一、工作回顾\n全年地区生产总值增长5.4%。", "二、工作安排\n城镇新增就业1.7万人。", "三、政府建设\n依法行政。",
                "四、结语\n奋力开创新局面。");
    }

    @Test
    void aLineBrokenAtThePageEdgeIsJoinedAndBelongsToThePageWhereItStarts() {
        String full = "全市上下坚持稳中求进工作总基调推动高质量发展取得新成效地区生产总值增长6.";
        List<PagedText.Page> cleaned = PageLayout.clean(pages(
                "\u3000\u3000" + full + "\n" + full + "\n" + full,
                "5%,一般公共预算收入增长10%。\n\u3000\u3000" + full + "\n" + full + "\n收官。\n\u3000\u3000新的一段。"), true);
        assertThat(cleaned.get(0).text()).isEqualTo(full + full + full + "5%,一般公共预算收入增长10%。");
        assertThat(cleaned.get(1).text()).isEqualTo(full + full + "收官。\n新的一段。");
    }

    @Test
    void tableRowsAndHeadingsAreNeverJoined() {
        String full = "全市上下坚持稳中求进工作总基调推动高质量发展取得新成效各项事业全面进步";
        List<PagedText.Page> cleaned = PageLayout.clean(pages(
                full + "\n" + full + "\n" + full + "\n(一)强化创新引领\n" + full + "\n地区生产总值增长 | % | 5.4 | 6左右 | 预期性\n"
                        + full), true);
        assertThat(cleaned.get(0).text().split("\n")).containsExactly(full + full + full, "(一)强化创新引领", full,
                "地区生产总值增长 | % | 5.4 | 6左右 | 预期性", full);
    }

    @Test
    void aPdfTableKeepsItsCells() {
        assertThat(CellText.line("地区生产总值增长" + CellText.GAP + "%" + CellText.GAP + "5.4" + CellText.GAP + "6左右"))
                .isEqualTo("地区生产总值增长 | % | 5.4 | 6左右");
        // letter-spaced or justified Chinese: the gaps are no cells
        assertThat(CellText.line("政" + CellText.GAP + "府" + CellText.GAP + "工" + CellText.GAP + "作")).isEqualTo("政府工作");
        assertThat(CellText.line("PM" + CellText.GAP + "2.5")).isEqualTo("PM 2.5");
    }
}
