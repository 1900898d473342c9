/**
 * Ingestion's domain: plain Java, no framework, no I/O but loading its data once.
 *
 * <pre>
 * RawReportReader      Kafka value + headers / HTTP body → RawReport (CloudEvents structured or binary, JSON Schema)
 * ReportIngestor       RawReport → List&lt;IngestedDocument&gt;, in this order:
 *   decode.TextDecoder     bytes → text (BOM, declared, &lt;meta charset&gt;, valid UTF-8, GB18030 / Big5 detection)
 *   decode.HtmlText        HTML → one line per paragraph
 *   decode.TextNormalizer  全角→半角, line ends, blank lines, flattened pages
 *   clean.PageCleaner      page furniture out (clean.PageFurniture: named rules with corpus examples),
 *                          publication date and source kept as facts
 *   split.BundleSplitter   one segment per report (split.ReportTitle recognises title lines)
 *   metadata.MetadataDetector  region (region.RegionResolver over the vendored GB/T 2260 list), type,
 *                          years, title, speaker, fragment
 *   DocumentId             SHA-256 of the clean text, 24 hex digits
 * </pre>
 * Every refusal is a {@link io.zhibiao.ingest.domain.RejectedInputException} with a
 * {@link io.zhibiao.ingest.domain.Rejection} code.
 */
package io.zhibiao.ingest.domain;
