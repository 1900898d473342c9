package io.zhibiao.ingest.domain.formats;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OCR by the Tesseract command ({@code tesseract}, Debian packages {@code tesseract-ocr},
 * {@code tesseract-ocr-chi-sim}, {@code tesseract-ocr-chi-tra}), run as a child process per page with a timeout
 * and one thread ({@code OMP_THREAD_LIMIT=1}), so that a page can never hold the service: the process is killed
 * when its time is up. Its TSV output gives the words with their confidence; words of one paragraph (as
 * Tesseract groups them) make one line, and Chinese words are joined without the spaces Tesseract puts between
 * them.
 */
public final class TesseractOcr implements Ocr {
    /** The language read by default: simplified Chinese (add chi_tra for traditional script: slower, and it mixes scripts in simplified text). */
    public static final String DEFAULT_LANGUAGES = "chi_sim";

    private final String command;
    private final String languages;
    private volatile String availability; // null = not checked yet; "" = available; else why not

    public TesseractOcr(String command, String languages) {
        this.command = command;
        this.languages = languages;
    }

    /** {@code tesseract} on the PATH, simplified and traditional Chinese. */
    public static TesseractOcr standard() {
        return new TesseractOcr("tesseract", DEFAULT_LANGUAGES);
    }

    @Override
    public boolean available() {
        return check().isEmpty();
    }

    @Override
    public String describe() {
        String why = check();
        return why.isEmpty() ? command + " (" + languages + ")" : why;
    }

    private String check() {
        String a = availability;
        if (a == null) {
            a = probe();
            availability = a;
        }
        return a;
    }

    private String probe() {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "tesseract did not answer --list-langs within 20 s";
            }
            List<String> have = Arrays.stream(out.split("\\R")).map(String::strip).toList();
            List<String> missing = Arrays.stream(languages.split("\\+")).filter(l -> !have.contains(l)).toList();
            if (!missing.isEmpty()) {
                return "tesseract has no language data for " + String.join(", ", missing)
                        + " (install tesseract-ocr-chi-sim and tesseract-ocr-chi-tra)";
            }
            return "";
        } catch (IOException e) {
            return "tesseract is not installed (" + command + ": " + e.getMessage()
                    + "); install tesseract-ocr, tesseract-ocr-chi-sim and tesseract-ocr-chi-tra";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for tesseract";
        }
    }

    @Override
    public Result read(BufferedImage page, Duration timeout) {
        if (!available()) {
            throw new OcrException(describe());
        }
        Path image = null;
        Process p = null;
        try {
            image = Files.createTempFile("zhibiao-ocr-", ".png");
            ImageIO.write(page, "png", image.toFile());
            ProcessBuilder pb = new ProcessBuilder(command, image.toString(), "stdout", "-l", languages, "--psm", "3",
                    "tsv");
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            p = pb.start();
            Process running = p;
            // read stdout on its own thread, so that a full pipe cannot stall the wait for the timeout
            var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (InputStream in = running.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                throw new OcrException("tesseract took longer than " + timeout.toSeconds() + " s on a page");
            }
            if (p.exitValue() != 0) {
                throw new OcrException("tesseract failed with exit code " + p.exitValue());
            }
            return parseTsv(output.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new OcrException("tesseract could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException("interrupted during OCR", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new OcrException("tesseract's output could not be read: " + e, e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            if (image != null) {
                try {
                    Files.deleteIfExists(image);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /**
     * Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height, conf, text) to lines:
     * one per paragraph, its words joined with a space only between two Latin letters or digits.
     */
    static Result parseTsv(String tsv) {
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder();
        String paragraph = null;
        double confidence = 0;
        int words = 0;
        for (String row : tsv.split("\\R")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) {
                continue;
            }
            String word = f[11].strip();
            if (word.isEmpty()) {
                continue;
            }
            String key = f[2] + "/" + f[3];
            if (!key.equals(paragraph)) {
                flush(line, text);
                paragraph = key;
            }
            if (!line.isEmpty() && isLatinOrDigit(line.charAt(line.length() - 1)) && isLatinOrDigit(word.charAt(0))) {
                line.append(' ');
            }
            line.append(word);
            try {
                double c = Double.parseDouble(f[10]);
                if (c >= 0) {
                    confidence += c;
                    words++;
                }
            } catch (NumberFormatException ignored) {
                // a row without a confidence counts for the text only
            }
        }
        flush(line, text);
        return new Result(text.toString(), words == 0 ? 0 : confidence / words, words);
    }

    private static void flush(StringBuilder line, StringBuilder text) {
        if (!line.isEmpty()) {
            text.append(line).append('\n');
            line.setLength(0);
        }
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}
