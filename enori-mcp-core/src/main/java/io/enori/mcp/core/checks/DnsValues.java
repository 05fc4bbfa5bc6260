package io.enori.mcp.core.checks;

import io.enori.mcp.api.DnsRecordType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** How a resolved record compares with what a person typed as the expected value. */
final class DnsValues {

    private DnsValues() {
    }

    /** Case-insensitive; trailing dots ignored on names, MX priority ignored, TXT quotes stripped. */
    static boolean matches(DnsRecordType type, String expected, String resolved) {
        String want = comparable(type, expected);
        String got = comparable(type, resolved);
        if (type == DnsRecordType.AAAA && want.contains(":") && got.contains(":")) {
            // The same IPv6 address has many spellings (2001:db8::1, 2001:db8:0:0:0:0:0:1).
            return sameAddress(want, got);
        }
        return want.equalsIgnoreCase(got);
    }

    /** The resolved value as shown in a reason: without the root dot or the quotes DNS wire text carries. */
    static String display(DnsRecordType type, String resolved) {
        return type == DnsRecordType.TXT ? unquote(resolved.strip()) : withoutRootDot(resolved.strip());
    }

    private static String comparable(DnsRecordType type, String value) {
        String text = value.strip();
        return switch (type) {
            case TXT -> unquote(text);
            case MX -> withoutRootDot(text.substring(text.lastIndexOf(' ') + 1));
            default -> withoutRootDot(text);
        };
    }

    private static String withoutRootDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }

    private static boolean sameAddress(String left, String right) {
        try {
            // Both are IPv6 literals, so no lookup happens here.
            return InetAddress.getByName(left).equals(InetAddress.getByName(right));
        } catch (UnknownHostException e) {
            return left.toLowerCase(Locale.ROOT).equals(right.toLowerCase(Locale.ROOT));
        }
    }
}
