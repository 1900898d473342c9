package io.zhibiao.ingest.domain.decode;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTML page to plain text with one line per paragraph, as a reader sees it: block elements
 * ({@code p}, {@code div}, headings, list items, table rows…) and {@code <br>} end lines; scripts,
 * styles, forms and other invisible parts are dropped. The page's {@code <title>} is not part of
 * the text (sites append their own name to it); the visible heading is.
 */
public final class HtmlText {
    static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot",
            "thead", "tr", "ul", "caption");

    static final String INVISIBLE = "head, script, style, noscript, template, svg, iframe, object, embed, "
            + "select, button, input, textarea, map, canvas, audio, video";

    /**
     * A line break in the HTML source between two East Asian characters is no space in the rendered
     * text (CSS Text 3, segment break transformation): 地区生产总值\n增长 reads 地区生产总值增长.
     */
    private static final Pattern BREAK_BETWEEN_WIDE =
            Pattern.compile("(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])[ \\t\\f\\r]*\\n\\s*(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])");
    private static final Pattern HTML_SPACE = Pattern.compile("[ \\t\\n\\r\\f]+");

    private HtmlText() {
    }

    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(INVISIBLE).remove();
        StringBuilder out = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    if (inPre(text)) {
                        out.append(text.getWholeText());
                        return;
                    }
                    String visible = visibleText(text.getWholeText());
                    if (out.isEmpty() || out.charAt(out.length() - 1) == '\n' || out.charAt(out.length() - 1) == ' ') {
                        visible = visible.stripLeading();
                    }
                    out.append(visible);
                } else if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        breakLine(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    }
                    if (BLOCKS.contains(tag)) {
                        breakLine(out);
                    }
                }
            }
        }, doc.body());
        return out.toString();
    }

    static String visibleText(String raw) {
        return HTML_SPACE.matcher(BREAK_BETWEEN_WIDE.matcher(raw).replaceAll("")).replaceAll(" ");
    }

    private static boolean inPre(TextNode text) {
        for (Node n = text.parent(); n != null; n = n.parent()) {
            if (n instanceof Element el && el.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static void breakLine(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Whether text sent as text/plain is in fact an HTML page (scrapers that save the raw response). */
    public static boolean looksLikeHtml(String text) {
        String head = text.stripLeading();
        head = head.substring(0, Math.min(head.length(), 200)).toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html");
    }
}
