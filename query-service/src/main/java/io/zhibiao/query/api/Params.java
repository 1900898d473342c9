package io.zhibiao.query.api;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, checked: an unknown name, a repeated single value, a number out
 * of range, a value outside a vocabulary or an overlong text is refused with a reason (400), never
 * passed on to Elasticsearch.
 */
final class Params {
    static final int MAX_TEXT = 64;
    static final int MAX_VALUES = 20;

    private final MultivaluedMap<String, String> values;

    private Params(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    /** The request's parameters; any name outside {@code allowed} is refused. */
    static Params of(UriInfo uri, Collection<String> allowed) {
        MultivaluedMap<String, String> values = uri.getQueryParameters(true);
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter " + String.join(", ", unknown) + "; this endpoint takes "
                    + String.join(", ", new TreeSet<>(allowed)));
        }
        return new Params(values);
    }

    /** A single optional text, stripped; null when absent or blank. */
    String text(String name) {
        List<String> all = texts(name);
        if (all.size() > 1) {
            throw new IllegalArgumentException(name + " is given " + all.size() + " times; give it once");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    String required(String name) {
        String v = text(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    /** A single raw text that its own parser checks (the search box: up to {@code max} characters). */
    String raw(String name, int max) {
        List<String> raw = values.getOrDefault(name, List.of());
        if (raw.size() > 1) {
            throw new IllegalArgumentException(name + " is given " + raw.size() + " times; give it once");
        }
        String v = raw.isEmpty() ? null : raw.get(0);
        if (v != null && v.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        return v;
    }

    /** Every non-blank value of a repeatable text parameter, stripped. */
    List<String> texts(String name) {
        List<String> raw = values.getOrDefault(name, List.of());
        if (raw.size() > MAX_VALUES) {
            throw new IllegalArgumentException(name + " is given more than " + MAX_VALUES + " times");
        }
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            if (v == null || v.isBlank()) {
                continue;
            }
            String s = v.strip();
            if (s.length() > MAX_TEXT) {
                throw new IllegalArgumentException(name + " is longer than " + MAX_TEXT + " characters");
            }
            for (int i = 0; i < s.length(); i++) {
                if (Character.isISOControl(s.charAt(i))) {
                    throw new IllegalArgumentException(name + " holds a control character");
                }
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Values that must each be one of {@code allowed}. */
    List<String> oneOf(String name, List<String> allowed) {
        List<String> out = texts(name);
        for (String v : out) {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException(name + "=" + v + " is not known; use one of " + String.join(", ", allowed));
            }
        }
        return out;
    }

    /** Values that must each be one of {@code allowed}, repeated or in one value separated by commas (gdp,cpi). */
    List<String> oneOfSeparated(String name, List<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String v : texts(name)) {
            for (String part : v.split("[,，、]")) {
                String s = part.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(s)) {
                    throw new IllegalArgumentException(name + "=" + s + " is not known; use one of " + String.join(", ", allowed));
                }
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        if (out.size() > MAX_VALUES * 2) {
            throw new IllegalArgumentException(name + " names more than " + MAX_VALUES * 2 + " values");
        }
        return out;
    }

    String single(String name, List<String> allowed, String fallback) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(name + "=" + v + " is not known; use one of " + String.join(", ", allowed));
        }
        return v;
    }

    int integer(String name, int fallback, int min, int max) {
        Integer v = optionalInteger(name, min, max);
        return v == null ? fallback : v;
    }

    Integer optionalInteger(String name, int min, int max) {
        List<Integer> all = integers(name, min, max);
        if (all.size() > 1) {
            throw new IllegalArgumentException(name + " is given " + all.size() + " times; give it once");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    List<Integer> integers(String name, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (String v : texts(name)) {
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not " + v);
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + n);
            }
            out.add(n);
        }
        return out;
    }

    boolean bool(String name, boolean fallback) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not " + v);
        };
    }
}
