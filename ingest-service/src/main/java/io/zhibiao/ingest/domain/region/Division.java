package io.zhibiao.ingest.domain.region;

import io.zhibiao.contracts.Region;

/**
 * One unit of the administrative division list.
 *
 * @param code   the six-digit GB/T 2260 code, e.g. 210703
 * @param name   the full name, e.g. 凌河区
 * @param level  its level
 * @param parent the unit it belongs to (a district's city, a city's province; a municipality's
 *               districts belong to the municipality itself), null for a province
 */
public record Division(String code, String name, Level level, Division parent) {

    public Division province() {
        Division d = this;
        while (d.parent != null) {
            d = d.parent;
        }
        return d;
    }

    /** Whether {@code ancestor} is this unit's parent, grandparent… */
    public boolean isWithin(Division ancestor) {
        for (Division d = parent; d != null; d = d.parent) {
            if (d.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    public Region toRegion() {
        return new Region(name, code, province().name, level.id());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Division d && d.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
