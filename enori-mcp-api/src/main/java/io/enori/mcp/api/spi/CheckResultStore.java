package io.enori.mcp.api.spi;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import java.time.Instant;
import java.util.Map;

/** Check results; ranges are half-open {@code [since, until)}. */
public interface CheckResultStore {
    void insert(CheckResult result);

    /** Newest first, keyset-paged; {@code status} narrows to up or down checks when not {@code null}. */
    Page<CheckResult> list(String accountId, String monitorId, CheckStatus status, Instant since, Instant until,
                           PageRequest page);

    /** Newest first, keyset-paged, every status. */
    default Page<CheckResult> list(String accountId, String monitorId, Instant since, Instant until, PageRequest page) {
        return list(accountId, monitorId, null, since, until, page);
    }

    CheckStats stats(String accountId, String monitorId, Instant since, Instant until);

    /** Stats for every monitor of the account with at least one check in range, keyed by monitor id. */
    Map<String, CheckStats> statsByMonitor(String accountId, Instant since, Instant until);
}
