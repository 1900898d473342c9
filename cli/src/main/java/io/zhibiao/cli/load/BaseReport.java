package io.zhibiao.cli.load;

import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.ingest.domain.region.Division;

/**
 * One report of the sample corpus, as ingestion cleaned it: the seed of generated variants.
 *
 * @param name     where it came from, e.g. {@code 001_6b340ccef4bd5f14.txt#3}
 * @param text     the cleaned text
 * @param metadata what ingestion detected
 * @param division its issuing region in the division list, or null when ingestion found none with a code
 */
public record BaseReport(String name, String text, ReportMetadata metadata, Division division) {
}
