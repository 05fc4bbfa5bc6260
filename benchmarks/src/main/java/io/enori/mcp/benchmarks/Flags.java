package io.enori.mcp.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} / {@code --name=value} options of the harnesses; {@code --help} prints and exits. */
final class Flags {
    private Flags() {
    }

    static Map<String, String> parse(String[] args, String help) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println(help);
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for --" + name);
            }
            values.put(name, value);
        }
        return values;
    }

    /** Fails on options nobody asked for, so a typo does not silently run the defaults. */
    static void rejectUnknown(Map<String, String> values, Collection<String> known) {
        Map<String, String> rest = new LinkedHashMap<>(values);
        rest.keySet().removeAll(known);
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + rest.keySet());
        }
    }

    static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
