package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An issuing government's region, normalised against the administrative division list (GB/T 2260).
 *
 * @param name     full name in simplified characters, e.g. 锦州市, 凌河区, 中华人民共和国
 * @param code     the six-digit division code, when known
 * @param province the province-level unit it belongs to (itself for a province)
 * @param level    {@code national}, {@code province}, {@code prefecture}, {@code county_city}, {@code district}, {@code county}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Region(String name, String code, String province, String level) {
}
