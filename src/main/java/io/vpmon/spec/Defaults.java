package io.vpmon.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-to-default helpers for the spec records' constructors. */
final class Defaults {
    private Defaults() {
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <T> List<T> list(List<T> value, List<T> fallback) {
        return value == null ? fallback : List.copyOf(value);
    }

    static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }

    static PromDuration duration(PromDuration value, String fallback) {
        return value != null ? value : PromDuration.parse(fallback);
    }
}
