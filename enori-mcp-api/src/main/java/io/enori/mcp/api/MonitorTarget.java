package io.enori.mcp.api;

import java.util.List;
import java.util.Objects;

/**
 * What a monitor checks and how; one record per monitor type, so a Port monitor cannot lack a port.
 */
public sealed interface MonitorTarget {

    MonitorType type();

    /** A human-readable address (URL, host, host:port) for lists. */
    String address();

    /** HTTP GET of {@code url}; up when the status is expected and the optional keyword is present. */
    record Website(String url, String keyword, List<Integer> expectedStatusCodes) implements MonitorTarget {
        public Website {
            Objects.requireNonNull(url, "url");
            expectedStatusCodes = expectedStatusCodes == null ? List.of() : List.copyOf(expectedStatusCodes);
        }

        public MonitorType type() { return MonitorType.WEBSITE; }

        public String address() { return url; }

        /** Whether {@code status} counts as up: the listed codes, or any 2xx/3xx when none are listed. */
        public boolean accepts(int status) {
            return expectedStatusCodes.isEmpty() ? status >= 200 && status < 400 : expectedStatusCodes.contains(status);
        }
    }

    /** ICMP reachability of {@code host}, falling back to TCP where ICMP is not permitted. */
    record Ping(String host) implements MonitorTarget {
        public Ping { Objects.requireNonNull(host, "host"); }

        public MonitorType type() { return MonitorType.PING; }

        public String address() { return host; }
    }

    /** A TCP connect to {@code host:port}. */
    record Port(String host, int port) implements MonitorTarget {
        public Port {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535");
            }
        }

        public MonitorType type() { return MonitorType.PORT; }

        public String address() { return host + ":" + port; }
    }

    /** Resolves {@code host}'s records of one type; with {@code expectedValue}, up only when one matches. */
    record Dns(String host, DnsRecordType recordType, String expectedValue) implements MonitorTarget {
        public Dns {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(recordType, "recordType");
        }

        public MonitorType type() { return MonitorType.DNS; }

        public String address() { return host + " " + recordType; }
    }

    /** Registration expiry of the domain {@code host}, read over RDAP by the scheduler. */
    record Domain(String host) implements MonitorTarget {
        public Domain { Objects.requireNonNull(host, "host"); }

        public MonitorType type() { return MonitorType.DOMAIN; }

        public String address() { return host; }
    }

    /** A heartbeat monitor: down when no success ping arrives within the interval plus grace. */
    record Job(int graceSeconds) implements MonitorTarget {
        public Job {
            if (graceSeconds < 0) {
                throw new IllegalArgumentException("graceSeconds must be >= 0");
            }
        }

        public MonitorType type() { return MonitorType.JOB; }

        public String address() { return "heartbeat"; }
    }

    /**
     * A browser journey starting at {@code url}; its steps and variables live in a
     * {@link io.enori.mcp.api.spi.BrowserMonitorStore} row beside the monitor.
     */
    record Browser(String url) implements MonitorTarget {
        public Browser { Objects.requireNonNull(url, "url"); }

        public MonitorType type() { return MonitorType.BROWSER; }

        public String address() { return url; }
    }
}
