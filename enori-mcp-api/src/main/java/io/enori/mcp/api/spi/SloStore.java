package io.enori.mcp.api.spi;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Slo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * SLOs and their daily rollups ({@code slo_burn_daily}). Every read and write names the account. Rollups hold, per
 * SLO per UTC day, how many checks were good, valid and excluded, so a year-long status reads at most 366 rows
 * plus the raw checks of today and of the window's partial first day.
 */
public interface SloStore {
    void insert(Slo slo);

    Optional<Slo> find(String accountId, String sloId);

    /** The monitor's SLOs, oldest first (bounded: a monitor has few SLOs). */
    List<Slo> listForMonitor(String accountId, String monitorId);

    /** Every SLO of the account, oldest first (bounded by the account's monitors). */
    List<Slo> listForAccount(String accountId);

    /** Replaces every field but id, account, monitor and createdAt; clears the SLO's rollups (the SLI may differ). */
    boolean update(Slo slo);

    /** Deletes the SLO and its rollups. */
    boolean delete(String accountId, String sloId);

    /** Adds to the SLO's counts of one UTC day, creating the row when missing. */
    void addToDay(String accountId, String sloId, LocalDate day, DayCounts delta);

    /** Replaces the SLO's counts of one UTC day (a rebuild from raw checks). */
    void replaceDay(String accountId, String sloId, LocalDate day, DayCounts counts);

    /** The SLO's rollup rows for the UTC days {@code [from, to)}, oldest first; days without a row are absent. */
    List<DayRollup> days(String accountId, String sloId, LocalDate from, LocalDate to);

    /**
     * The SLO's good and valid events among its monitor's raw checks in {@code [since, until)}, by its SLI alone
     * (no exclusions; {@code excluded} is 0): one aggregate query, for spans no exclusion overlaps.
     */
    DayCounts countChecks(Slo slo, Instant since, Instant until);

    /**
     * Hands every raw check of the monitor in {@code [since, until)} to {@code sink}, oldest first, streamed rather
     * than loaded; for spans where exclusions need each check's time.
     */
    void scanChecks(String accountId, String monitorId, Instant since, Instant until, Consumer<CheckResult> sink);

    /** When the monitor was first checked (began reporting); empty when never. */
    Optional<Instant> firstCheckAt(String accountId, String monitorId);

    /** Good, valid and excluded checks of one SLO on one UTC day. */
    record DayCounts(long good, long valid, long excluded) {
        public static final DayCounts ZERO = new DayCounts(0, 0, 0);

        public DayCounts {
            if (good < 0 || valid < 0 || excluded < 0 || good > valid) {
                throw new IllegalArgumentException("counts must be >= 0 and good <= valid");
            }
        }
    }

    /** One stored day. */
    record DayRollup(LocalDate day, DayCounts counts) {
    }
}
