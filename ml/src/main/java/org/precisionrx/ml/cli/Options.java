package org.precisionrx.ml.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** "--name value" options and "--flag" switches of one subcommand; unknown options are usage errors. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(String command, String[] args, int from, Set<String> valued, Set<String> flags) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && inline == null) {
                values.put(name, "true");
            } else if (valued.contains(name)) {
                if (inline == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                    inline = args[++i];
                }
                values.put(name, inline);
            } else {
                throw new UsageException(command + ": unknown option --" + name);
            }
        }
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("missing required option --" + name);
        }
        return v;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    long longValue(String name, long fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    int positiveInt(String name, int fallback) {
        long v = longValue(name, fallback);
        if (v < 1 || v > 1_000_000) {
            throw new UsageException("--" + name + " must be a positive integer");
        }
        return (int) v;
    }

    int intInRange(String name, int fallback, int min, int max) {
        long v = longValue(name, fallback);
        if (v < min || v > max) {
            throw new UsageException("--" + name + " must be an integer from " + min + " to " + max);
        }
        return (int) v;
    }

    double doubleValue(String name, double fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }
}
