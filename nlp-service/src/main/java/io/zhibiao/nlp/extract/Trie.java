package io.zhibiao.nlp.extract;

import java.util.HashMap;
import java.util.Map;

/** A character trie for longest-match lookup of words at a position. Read-only after loading. */
final class Trie<V> {
    private final Node<V> root = new Node<>();

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
    }

    /** The length of the longest word starting at {@code from} (not beyond {@code to}), or 0. */
    int longest(CharSequence text, int from, int to) {
        Node<V> node = root;
        int best = 0;
        for (int i = from; i < to; i++) {
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
