package io.zhibiao.ingest.domain.region;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names of the division list as a character trie: which names start at a position of a text, found by
 * walking the text once instead of looking up every substring (a report names few places among its
 * thousands of characters). Immutable once built; shared.
 */
final class NameTrie {
    private static final int[] NONE = new int[0];

    private static final class Node {
        char[] keys = new char[0];
        Node[] next = new Node[0];
        boolean name;
        /** While building. */
        Map<Character, Node> building = new TreeMap<>();

        Node child(char c) {
            int k = Arrays.binarySearch(keys, c);
            return k < 0 ? null : next[k];
        }

        void freeze() {
            keys = new char[building.size()];
            next = new Node[building.size()];
            int i = 0;
            for (var e : building.entrySet()) {
                keys[i] = e.getKey();
                next[i] = e.getValue();
                e.getValue().freeze();
                i++;
            }
            building = null;
        }
    }

    private final Node root = new Node();
    /** The root's children by character: the first step is taken at every character of a text. */
    private final Node[] first = new Node[Character.MAX_VALUE + 1];

    void add(String name) {
        Node n = root;
        for (int i = 0; i < name.length(); i++) {
            n = n.building.computeIfAbsent(name.charAt(i), c -> new Node());
        }
        n.name = true;
    }

    void freeze() {
        root.freeze();
        for (int k = 0; k < root.keys.length; k++) {
            first[root.keys[k]] = root.next[k];
        }
    }

    /** The lengths (longest first, each at least {@code minLength}) of the names that start at {@code text[from]} and end by {@code end}. */
    int[] lengthsAt(String text, int from, int end, int minLength) {
        int[] found = NONE;
        int count = 0;
        Node n = null;
        for (int i = from; i < end; i++) {
            n = i == from ? first[text.charAt(i)] : n.child(text.charAt(i));
            if (n == null) {
                break;
            }
            int len = i - from + 1;
            if (n.name && len >= minLength) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(4, count * 2));
                }
                found[count++] = len;
            }
        }
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = found[count - 1 - k];
        }
        return out;
    }
}
