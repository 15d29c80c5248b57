package org.precisionrx.recommender.training;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw feature columns of many simulated rows, kept small enough for millions of rows: one shared
 * header, each row a {@code String[]} of pooled values (a few hundred distinct strings in all), read
 * as the column maps {@code FeatureSpec} and {@code FeatureEncoder} take.
 */
final class ColumnRows extends AbstractList<Map<String, String>> {

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, String> pool = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    void append(Map<String, String> columns) {
        if (index.isEmpty()) {
            columns.keySet().forEach(name -> index.put(name, index.size()));
        }
        if (!columns.keySet().equals(index.keySet())) {
            throw new IllegalArgumentException("row columns differ from the first row's: " + columns.keySet());
        }
        String[] values = new String[index.size()];
        columns.forEach((name, value) -> values[index.get(name)] = pool.computeIfAbsent(value, v -> v));
        rows.add(values);
    }

    @Override
    public Map<String, String> get(int i) {
        String[] values = rows.get(i);
        return new AbstractMap<>() {
            @Override
            public String get(Object name) {
                Integer column = index.get(name);
                return column == null ? null : values[column];
            }

            @Override
            public boolean containsKey(Object name) {
                return index.containsKey(name);
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                Map<String, String> copy = new LinkedHashMap<>();
                index.forEach((name, column) -> copy.put(name, values[column]));
                return copy.entrySet();
            }
        };
    }

    @Override
    public int size() {
        return rows.size();
    }
}
