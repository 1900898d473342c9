package io.zhibiao.nlp.extract;

import java.util.HashMap;
import java.util.Map;

/**
 * A character trie for longest-match lookup of words at a position. Read-only after loading. The first step is a
 * table lookup by character: nearly every character of a report starts no word, and a hash lookup with a boxed
 * character for each of them was a tenth of extraction's time.
 */
final class Trie<V> {
    private final Node<V> root = new Node<>();
    @SuppressWarnings("unchecked")
    private final Node<V>[] first = new Node[Character.MAX_VALUE + 1];
    /** Which characters start a word, as bits: 8 KB that stay in the cache, where the table above does not. */
    private final long[] starts = new long[(Character.MAX_VALUE + 1) / 64];

    private static final class Node<V> {
        final Map<Character, Node<V>> next = new HashMap<>(4);
        V value;
    }

    void put(String word, V value) {
        Node<V> node = root;
        for (int i = 0; i < word.length(); i++) {
            node = node.next.computeIfAbsent(word.charAt(i), c -> new Node<>());
        }
        node.value = value;
        char c = word.charAt(0);
        first[c] = root.next.get(c);
        starts[c >>> 6] |= 1L << c;
    }

    /** The length of the longest word starting at {@code from} (not beyond {@code to}), or 0. */
    int longest(CharSequence text, int from, int to) {
        if (from >= to) {
            return 0;
        }
        char c = text.charAt(from);
        if ((starts[c >>> 6] & (1L << c)) == 0) {
            return 0;
        }
        Node<V> node = first[c];
        int best = node.value != null ? 1 : 0;
        for (int i = from + 1; i < to; i++) {
            node = node.next.get(text.charAt(i));
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = i - from + 1;
            }
        }
        return best;
    }

    V get(CharSequence text, int from, int length) {
        Node<V> node = root;
        for (int i = from; i < from + length; i++) {
            node = node.next.get(text.charAt(i));
            if (node == null) {
                return null;
            }
        }
        return node.value;
    }
}
