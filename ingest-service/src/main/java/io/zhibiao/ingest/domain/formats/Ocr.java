package io.zhibiao.ingest.domain.formats;

import java.awt.image.BufferedImage;
import java.time.Duration;

/** Text from a page image. {@link TesseractOcr} is the real one; {@link #none} stands for a machine without it. */
public interface Ocr {

    /** True when pages can be read. */
    boolean available();

    /** What reads pages ("tesseract 5.3.0, chi_sim+chi_tra"), or why nothing can. */
    String describe();

    /** The page's text, in lines (a line per paragraph where the engine saw paragraphs). */
    Result read(BufferedImage page, Duration timeout);

    /** @param confidence the mean word confidence, 0–100; {@code words} how many words it is over */
    record Result(String text, double confidence, int words) {
    }

    /** OCR failed on a page: it timed out, or the engine broke. */
    final class OcrException extends RuntimeException {
        public OcrException(String message) {
            super(message);
        }

        public OcrException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No OCR here; {@code why} says what is missing. */
    static Ocr none(String why) {
        return new Ocr() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public String describe() {
                return why;
            }

            @Override
            public Result read(BufferedImage page, Duration timeout) {
                throw new OcrException(why);
            }
        };
    }
}
