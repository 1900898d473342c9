package io.zhibiao.ingest.domain.decode;

import io.zhibiao.ingest.domain.RejectedInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDecoderTest {
    /** From the 锦州 sample (000). */
    static final String JINZHOU = "初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%,固定资产投资增长7.5%,"
            + "规模以上工业增加值增长8.3%,社会消费品零售总额增长8.7%,城镇新增就业1.7万人。";
    /** The opening of a report as a Hong Kong or Taiwan mirror writes it, in traditional characters. */
    static final String TRADITIONAL = "各位代表:現在,我代表市人民政府向大會報告工作,請予審議,並請市政協委員提出意見。"
            + "一年來,我們堅持穩中求進工作總基調,全市經濟持續恢復,地區生產總值增長百分之五點四。";

    private final TextDecoder decoder = new TextDecoder();

    @Test
    void utf8WithByteOrderMark() {
        byte[] bytes = withBom(JINZHOU.getBytes(StandardCharsets.UTF_8));
        TextDecoder.Decoded d = decoder.decode(bytes, null, false);
        assertThat(d.text()).isEqualTo(JINZHOU);
        assertThat(d.basis()).isEqualTo(TextDecoder.Basis.BYTE_ORDER_MARK);
    }

    @Test
    void utf8WithoutByteOrderMark() {
        TextDecoder.Decoded d = decoder.decode(JINZHOU.getBytes(StandardCharsets.UTF_8), null, false);
        assertThat(d.text()).isEqualTo(JINZHOU);
        assertThat(d.basis()).isEqualTo(TextDecoder.Basis.VALID_UTF8);
    }

    @Test
    void undeclaredGbkIsDetected() {
        TextDecoder.Decoded d = decoder.decode(JINZHOU.getBytes(Charset.forName("GBK")), null, false);
        assertThat(d.text()).isEqualTo(JINZHOU);
        assertThat(d.charset()).isEqualTo(TextDecoder.GB18030);
        assertThat(d.basis()).isEqualTo(TextDecoder.Basis.DETECTED);
    }

    @Test
    void aShortGbkLineIsDetectedToo() {
        String title = "2024年锦州市政府工作报告";
        assertThat(decoder.decode(title.getBytes(Charset.forName("GBK")), null, false).text()).isEqualTo(title);
    }

    @Test
    void undeclaredBig5IsDetected() {
        TextDecoder.Decoded d = decoder.decode(TRADITIONAL.getBytes(TextDecoder.BIG5), null, false);
        assertThat(d.text()).isEqualTo(TRADITIONAL);
        assertThat(d.charset()).isEqualTo(TextDecoder.BIG5);
    }

    @Test
    void declaredCharsetsAreUsedWhenTheBytesAreValidInThem() {
        byte[] gb18030 = JINZHOU.getBytes(TextDecoder.GB18030);
        assertThat(decoder.decode(gb18030, "GB18030", false).basis()).isEqualTo(TextDecoder.Basis.DECLARED);
        assertThat(decoder.decode(JINZHOU.getBytes(Charset.forName("GBK")), "gb2312", false).text()).isEqualTo(JINZHOU);
        assertThat(decoder.decode(TRADITIONAL.getBytes(TextDecoder.BIG5), "big5", false).text()).isEqualTo(TRADITIONAL);
    }

    @Test
    void aWrongDeclarationFallsBackToDetection() {
        // a scraper copied "charset=utf-8" from the HTTP header of a GBK page
        TextDecoder.Decoded d = decoder.decode(JINZHOU.getBytes(Charset.forName("GBK")), "UTF-8", false);
        assertThat(d.text()).isEqualTo(JINZHOU);
        assertThat(d.basis()).isEqualTo(TextDecoder.Basis.DETECTED);
    }

    @Test
    void anHtmlPageSaysItsCharsetInAMetaTag() {
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>" + JINZHOU + "</p></body></html>";
        TextDecoder.Decoded d = decoder.decode(page.getBytes(Charset.forName("GB2312")), null, true);
        assertThat(d.basis()).isEqualTo(TextDecoder.Basis.HTML_META);
        assertThat(d.text()).contains(JINZHOU);
    }

    @Test
    void bytesValidInNoSupportedCharsetAreUndecodable() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFF, 0x41, (byte) 0x80, (byte) 0xFF, 0x30, (byte) 0x80};
        assertThatThrownBy(() -> decoder.decode(bytes, null, false))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("undecodable");
                    assertThat(e.reason()).contains("UTF-8", "GB18030", "Big5");
                });
    }

    @Test
    void aBrokenUtf8ByteOrderMarkedFileIsUndecodable() {
        byte[] bytes = withBom(new byte[] {(byte) 0xE5, (byte) 0x90});
        assertThatThrownBy(() -> decoder.decode(bytes, null, false))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.code()).isEqualTo("undecodable"));
    }

    @Test
    void onlyChineseCharsetsAreAccepted() {
        assertThat(TextDecoder.supportedCharset("utf8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextDecoder.supportedCharset("GB_2312")).isEqualTo(TextDecoder.GB18030);
        assertThat(TextDecoder.supportedCharset("x-gbk")).isEqualTo(TextDecoder.GB18030);
        assertThatThrownBy(() -> TextDecoder.supportedCharset("latin1"))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("unsupported-charset");
                    assertThat(e.reason()).contains("latin1");
                });
    }

    @Test
    void theRightReadingIsTheMorePlausibleOne() {
        byte[] big5 = TRADITIONAL.getBytes(TextDecoder.BIG5);
        String asGbk = new String(big5, TextDecoder.GB18030);
        assertThat(TextDecoder.plausibility(TRADITIONAL, TextDecoder.BIG5))
                .isGreaterThan(TextDecoder.plausibility(asGbk, TextDecoder.GB18030));
        assertThat(TextDecoder.plausibility(JINZHOU, TextDecoder.GB18030)).isEqualTo(1.0);
    }

    private static byte[] withBom(byte[] bytes) {
        byte[] out = new byte[bytes.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, out, 3, bytes.length);
        return out;
    }
}
