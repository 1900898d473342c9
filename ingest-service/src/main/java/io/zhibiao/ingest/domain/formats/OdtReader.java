package io.zhibiao.ingest.domain.formats;

import io.zhibiao.ingest.domain.Rejection;
import io.zhibiao.ingest.domain.RejectedInputException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * OpenDocument text (ODT): its {@code content.xml}, read with StAX (no DTDs, no external entities). Paragraphs
 * and headings are lines, table rows are cell lines, and LibreOffice's {@code text:soft-page-break} marks (where
 * it laid out a new page) and paragraphs whose style breaks the page before them cut the pages. {@code content.xml} may inflate to at most
 * {@link DocumentLimits#maxInflateRatio()} times the file and {@link DocumentLimits#maxPartBytes()}.
 */
final class OdtReader {
    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";

    private final DocumentLimits limits;

    OdtReader(DocumentLimits limits) {
        this.limits = limits;
    }

    PagedText read(byte[] bytes) {
        byte[] content = contentXml(bytes);
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            WordReader.Pager pager = new WordReader.Pager(limits);
            StringBuilder paragraph = null;
            List<String> row = null;
            StringBuilder cell = null;
            int depth = 0; // paragraphs nested in a cell or a note are part of it
            java.util.Set<String> pageStyles = new java.util.HashSet<>(); // automatic styles that start a page
            String style = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = xml.getNamespaceURI();
                    String name = xml.getLocalName();
                    if (STYLE_NS.equals(ns) && name.equals("style")) {
                        style = xml.getAttributeValue(STYLE_NS, "name");
                    } else if (STYLE_NS.equals(ns) && name.equals("paragraph-properties") && style != null
                            && "page".equals(xml.getAttributeValue(FO_NS, "break-before"))) {
                        pageStyles.add(style);
                    } else if (TEXT_NS.equals(ns) && (name.equals("p") || name.equals("h")) && depth == 0
                            && cell == null && pageStyles.contains(xml.getAttributeValue(TEXT_NS, "style-name"))) {
                        pager.newPage();
                    }
                    if (TABLE_NS.equals(ns) && name.equals("table-row")) {
                        row = new ArrayList<>();
                    } else if (TABLE_NS.equals(ns) && name.equals("table-cell") && row != null) {
                        cell = new StringBuilder();
                    } else if (TEXT_NS.equals(ns) && (name.equals("p") || name.equals("h"))) {
                        if (depth++ == 0 && cell == null) {
                            paragraph = new StringBuilder();
                        }
                    } else if (TEXT_NS.equals(ns) && name.equals("soft-page-break")) {
                        if (paragraph != null && !paragraph.isEmpty()) {
                            pager.line(paragraph.toString());
                            paragraph.setLength(0);
                        }
                        pager.newPage();
                    } else if (TEXT_NS.equals(ns) && (name.equals("s") || name.equals("tab"))) {
                        append(paragraph, cell, " ");
                    } else if (TEXT_NS.equals(ns) && name.equals("line-break")) {
                        append(paragraph, cell, cell != null ? " " : "\n");
                    } else if (TEXT_NS.equals(ns) && (name.equals("note") || name.equals("tracked-changes"))) {
                        skip(xml);
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    append(paragraph, cell, xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String ns = xml.getNamespaceURI();
                    String name = xml.getLocalName();
                    if (TEXT_NS.equals(ns) && (name.equals("p") || name.equals("h"))) {
                        if (--depth == 0 && paragraph != null) {
                            pager.line(paragraph.toString());
                            paragraph = null;
                        } else if (cell != null) {
                            cell.append(' ');
                        }
                    } else if (TABLE_NS.equals(ns) && name.equals("table-cell") && cell != null) {
                        row.add(cell.toString().replaceAll("\\s+", " ").strip());
                        cell = null;
                    } else if (TABLE_NS.equals(ns) && name.equals("table-row") && row != null) {
                        pager.row(row);
                        row = null;
                    }
                }
            }
            return pager.done(SourceFormat.ODT);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof RejectedInputException r) {
                throw r;
            }
            throw Rejection.CORRUPT_FILE.because("the ODT file's content.xml cannot be read: " + CellText.firstLine(e), e);
        }
    }

    private static void append(StringBuilder paragraph, StringBuilder cell, String text) {
        if (cell != null) {
            cell.append(text);
        } else if (paragraph != null) {
            paragraph.append(text);
        }
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int level = 1;
        while (level > 0 && xml.hasNext()) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    private byte[] contentXml(byte[] bytes) {
        long bound = (long) Math.min(limits.maxPartBytes(), Math.max(1 << 20, bytes.length * limits.maxInflateRatio()));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("content.xml")) {
                    return bounded(zip, bound);
                }
            }
        } catch (ZipException e) {
            throw Rejection.CORRUPT_FILE.because("the ODT file is not a valid ZIP: " + e.getMessage(), e);
        } catch (IOException e) {
            throw Rejection.CORRUPT_FILE.because("the ODT file cannot be read: " + e.getMessage(), e);
        }
        throw Rejection.CORRUPT_FILE.because("the ODT file has no content.xml");
    }

    private static byte[] bounded(InputStream in, long bound) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > bound) {
                throw Rejection.ZIP_BOMB.because(String.format(Locale.ROOT,
                        "the ODT file's content.xml inflates beyond %,d bytes (a zip bomb)", bound));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
