package io.enori.mcp.api;

import java.util.Arrays;
import java.util.Optional;

/** DNS record types a DNS monitor can resolve. */
public enum DnsRecordType {
    A, AAAA, CNAME, MX, TXT, NS;

    public static Optional<DnsRecordType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
