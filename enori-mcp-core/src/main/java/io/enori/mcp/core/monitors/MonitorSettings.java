package io.enori.mcp.core.monitors;

import io.enori.mcp.api.DnsRecordType;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.InvalidArgument;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The monitor settings create_monitor and update_monitor share: their input fields (declared once) and the
 * rules that turn them into a {@link MonitorTarget}. An update merges the given fields over the stored ones and
 * runs the same rules, so the two tools can never disagree on what is valid.
 */
final class MonitorSettings {
    static final int MAX_NAME = 200;
    static final int MAX_URL = 2048;
    static final int MAX_HOST = 253;
    static final int MAX_KEYWORD = 200;
    static final int MAX_CHANNELS = 20;
    static final int DEFAULT_GRACE_SECONDS = 60;
    /** The types create_monitor makes; browser monitors have their own tools. */
    static final List<String> TYPES = Arrays.stream(MonitorType.values()).filter(t -> t != MonitorType.BROWSER)
            .map(MonitorType::wireName)
            .collect(Collectors.toList());
    static final List<String> RECORD_TYPES = Arrays.stream(DnsRecordType.values()).map(Enum::name)
            .collect(Collectors.toList());

    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6_SHAPE = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private MonitorSettings() {
    }

    /** The per-type target fields as given (any may be null). */
    record TargetFields(String url, String keyword, List<Integer> expectedStatusCodes, String host, Integer port,
                        String recordType, String expectedValue, Integer graceSeconds) {

        static TargetFields of(MonitorTarget t) {
            if (t instanceof MonitorTarget.Website w) {
                return new TargetFields(w.url(), w.keyword(), w.expectedStatusCodes(), null, null, null, null, null);
            }
            if (t instanceof MonitorTarget.Port p) {
                return new TargetFields(null, null, null, p.host(), p.port(), null, null, null);
            }
            if (t instanceof MonitorTarget.Dns d) {
                return new TargetFields(null, null, null, d.host(), null, d.recordType().name(), d.expectedValue(), null);
            }
            if (t instanceof MonitorTarget.Job j) {
                return new TargetFields(null, null, null, null, null, null, null, j.graceSeconds());
            }
            if (t instanceof MonitorTarget.Browser b) {
                return new TargetFields(b.url(), null, null, null, null, null, null, null);
            }
            return new TargetFields(null, null, null, MonitorViews.host(t), null, null, null, null);
        }

        /** These fields with every non-null field of {@code patch} laid over them. */
        TargetFields overlay(TargetFields patch) {
            return new TargetFields(pick(patch.url, url), pick(patch.keyword, keyword),
                    pick(patch.expectedStatusCodes, expectedStatusCodes), pick(patch.host, host), pick(patch.port, port),
                    pick(patch.recordType, recordType), pick(patch.expectedValue, expectedValue),
                    pick(patch.graceSeconds, graceSeconds));
        }

        private static <T> T pick(T patched, T current) {
            return patched != null ? patched : current;
        }
    }

    /**
     * Declares the settings fields. With {@code withDefaults} (create) the schema carries defaults and omitted
     * fields get them; without (update) omitted means unchanged.
     */
    static <I extends Record> InputSpec.Builder<I> declare(InputSpec.Builder<I> b, boolean withDefaults) {
        return b
                .text("url", MAX_URL, "website: the http(s) URL to GET.")
                .text("keyword", MAX_KEYWORD, "website: text that must appear in the body (content match).")
                .integerList("expectedStatusCodes", 100, 599, 20, "website: status codes that count as up. Default: any 2xx/3xx.")
                .text("host", MAX_HOST, "ping, port, dns, domain: host name or IP (domain: the registered domain).")
                .integer("port", 1, 65535, null, "port: TCP port to connect to.")
                .oneOf("recordType", RECORD_TYPES, null, "dns: record type to resolve.")
                .text("expectedValue", 500, "dns: a value one of the records must equal.")
                .integer("graceSeconds", 0, 86_400, null,
                        "job: seconds past the interval before a missed heartbeat is down. Default 60.")
                .integer("intervalSeconds", Monitor.MIN_INTERVAL_SECONDS, Monitor.MAX_INTERVAL_SECONDS,
                        withDefaults ? Monitor.DEFAULT_INTERVAL_SECONDS : null, "Seconds between checks.")
                .integer("timeoutMs", Monitor.MIN_TIMEOUT_MS, Monitor.MAX_TIMEOUT_MS,
                        withDefaults ? Monitor.DEFAULT_TIMEOUT_MS : null, "Check timeout in ms.")
                .integer("alertAfterFailures", 1, Monitor.MAX_ALERT_AFTER_FAILURES,
                        withDefaults ? Monitor.DEFAULT_ALERT_AFTER_FAILURES : null,
                        "Consecutive failed checks before an incident opens.")
                .idList("channelIds", "ch_", MAX_CHANNELS, "Alert channels (ch_…) notified on incidents.");
    }

    /**
     * Rejects channel ids the caller's account does not have (another account's id included), naming the first.
     */
    static void requireChannels(CoreContext context, String accountId, List<String> channelIds) {
        if (channelIds == null) {
            return;
        }
        for (String channelId : channelIds) {
            if (context.storage().alertChannels().find(accountId, channelId).isEmpty()) {
                throw new InvalidArgument("channelIds", "unknown channel " + channelId
                        + " (list_alert_channels shows this account's channels)");
            }
        }
    }

    /** Builds the target for {@code type}, naming the field at fault when something is missing or misplaced. */
    static MonitorTarget target(MonitorType type, TargetFields f) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("url", f.url);
        given.put("keyword", f.keyword);
        given.put("expectedStatusCodes", f.expectedStatusCodes);
        given.put("host", f.host);
        given.put("port", f.port);
        given.put("recordType", f.recordType);
        given.put("expectedValue", f.expectedValue);
        given.put("graceSeconds", f.graceSeconds);
        switch (type) {
            case WEBSITE:
                onlyThese(type, given, "url", "keyword", "expectedStatusCodes");
                return new MonitorTarget.Website(url(required(type, "url", f.url)), f.keyword, f.expectedStatusCodes);
            case PING:
                onlyThese(type, given, "host");
                return new MonitorTarget.Ping(host(required(type, "host", f.host)));
            case PORT:
                onlyThese(type, given, "host", "port");
                return new MonitorTarget.Port(host(required(type, "host", f.host)), required(type, "port", f.port));
            case DNS:
                onlyThese(type, given, "host", "recordType", "expectedValue");
                DnsRecordType recordType = DnsRecordType.parse(required(type, "recordType", f.recordType)).orElseThrow();
                return new MonitorTarget.Dns(host(required(type, "host", f.host)), recordType,
                        expectedDnsValue(recordType, f.expectedValue));
            case DOMAIN:
                onlyThese(type, given, "host");
                String domain = host(required(type, "host", f.host));
                if (!domain.contains(".") || domain.contains(":") || domain.matches("[0-9.]+")) {
                    throw new InvalidArgument("host", "must be a registered domain name such as example.com for domain monitors (got '" + domain + "')");
                }
                return new MonitorTarget.Domain(domain);
            case JOB:
                onlyThese(type, given, "graceSeconds");
                return new MonitorTarget.Job(f.graceSeconds == null ? DEFAULT_GRACE_SECONDS : f.graceSeconds);
            case BROWSER:
                onlyThese(type, given, "url");
                return new MonitorTarget.Browser(url(required(type, "url", f.url)));
            default:
                throw new IllegalStateException("unhandled monitor type " + type);
        }
    }

    private static <T> T required(MonitorType type, String field, T value) {
        if (value == null) {
            throw new InvalidArgument(field, "is required for " + type.wireName() + " monitors");
        }
        return value;
    }

    private static void onlyThese(MonitorType type, Map<String, Object> given, String... allowed) {
        List<String> allowedList = List.of(allowed);
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            if (entry.getValue() != null && !allowedList.contains(entry.getKey())) {
                throw new InvalidArgument(entry.getKey(), "does not apply to " + type.wireName()
                        + " monitors; their settings are " + String.join(", ", allowedList));
            }
        }
    }

    private static String url(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidArgument("url", "must be an absolute http:// or https:// URL with a host (got '" + abbreviate(text) + "')");
            }
            if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
                throw new InvalidArgument("url", "has port " + uri.getPort() + "; ports are 1-65535");
            }
            if (uri.getRawUserInfo() != null) {
                // Stored URLs are shown back in every listing; credentials must not travel that way.
                throw new InvalidArgument("url", "must not contain credentials (user:password@); monitored URLs are shown in listings");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new InvalidArgument("url", "is not a valid URL: " + e.getReason() + " (got '" + abbreviate(text) + "')");
        }
    }

    private static String host(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean valid = bare.contains(":") ? isIpv6Literal(bare) : HOSTNAME.matcher(bare).matches();
        if (!valid) {
            throw new InvalidArgument("host", "must be a host name or IP address without scheme or path, e.g. api.example.com (got '"
                    + abbreviate(text) + "')");
        }
        return bare;
    }

    /** Parsed by the JDK: a literal with a colon is never sent to DNS, so this does no lookup. */
    private static boolean isIpv6Literal(String text) {
        if (!IPV6_SHAPE.matcher(text).matches()) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(text) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String expectedDnsValue(DnsRecordType recordType, String expected) {
        if (expected == null) {
            return null;
        }
        boolean valid = switch (recordType) {
            case A -> expected.matches("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
            case AAAA -> isIpv6Literal(expected);
            default -> true;
        };
        if (!valid) {
            throw new InvalidArgument("expectedValue", "must be an " + (recordType == DnsRecordType.A ? "IPv4" : "IPv6")
                    + " address for " + recordType + " records (got '" + abbreviate(expected) + "')");
        }
        return expected;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
