package org.precisionrx.k8s;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a deserialised fabric8 object and reports every non-empty {@code additionalProperties}:
 * fabric8 puts there what its model does not know, i.e. misspelt or misplaced fields, and values
 * of the wrong type inside pod templates.
 */
final class UnknownFields {

    private final List<String> problems = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private UnknownFields() {
    }

    static List<String> in(Object root) {
        UnknownFields walk = new UnknownFields();
        walk.visit(root, "");
        return walk.problems;
    }

    private void visit(Object value, String path) {
        if (value == null || isScalar(value) || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                visit(item, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> visit(item, join(path, String.valueOf(key))));
        } else if (value.getClass().getName().startsWith("io.fabric8.")) {
            visitModel(value, path);
        }
    }

    private void visitModel(Object model, String path) {
        for (Class<?> type = model.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object value = read(field, model);
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        problems.add((path.isEmpty() ? "top level" : path) + ": unknown field(s) "
                                + new TreeSet<>(unknown.keySet().stream().map(String::valueOf).toList()));
                    }
                } else {
                    visit(value, join(path, field.getName()));
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field + ": " + e.getMessage(), e);
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Character;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
