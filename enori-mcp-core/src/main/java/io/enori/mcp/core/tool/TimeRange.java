package io.enori.mcp.core.tool;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A resolved, half-open range {@code [since, until)} and the zone the caller reads times in. Tools echo it back
 * so a model always knows which range an answer covers.
 */
public record TimeRange(Instant since, Instant until, ZoneId zone) {

    public static final Duration DEFAULT_SPAN = Duration.ofHours(24);
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** Long enough for a yearly SLA report, short enough to bound a scan. */
    public static final Duration MAX_SPAN = Duration.ofDays(400);

    /**
     * Resolves the {@code since}/{@code until}/{@code tz} arguments: until defaults to now, since to 24 h before
     * until; dates and local times are read in {@code tz} (default UTC).
     */
    public static TimeRange resolve(String since, String until, String tz, Clock clock) {
        ZoneId zone = zone(tz);
        Instant end = until == null ? clock.instant() : parse("until", until, zone);
        Instant start = since == null ? end.minus(DEFAULT_SPAN) : parse("since", since, zone);
        if (!start.isBefore(end)) {
            throw new InvalidArgument("since", "must be before until (since " + start + ", until " + end + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new InvalidArgument("since", "must be at most " + MAX_SPAN.toDays() + " days before until");
        }
        return new TimeRange(start, end, zone);
    }

    /**
     * Reads one timestamp argument the way {@code since}/{@code until} are read: ISO-8601 with an offset, or a
     * local date-time or date in {@code tz} (default UTC).
     *
     * @throws InvalidArgument naming {@code field} (or {@code tz}) and the accepted forms
     */
    public static Instant instant(String field, String text, String tz) {
        return parse(field, text, zone(tz));
    }

    /** The zone a {@code tz} argument names, UTC when absent; {@code Invalid argument: tz …} when unknown. */
    public static ZoneId zoneOf(String tz) {
        return zone(tz);
    }

    /** A timestamp as the caller reads it: ISO-8601 with the offset of the requested zone. */
    public OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    public OffsetDateTime sinceLocal() {
        return local(since);
    }

    public OffsetDateTime untilLocal() {
        return local(until);
    }

    public String zoneId() {
        return zone.getId();
    }

    private static ZoneId zone(String tz) {
        if (tz == null) {
            return UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new InvalidArgument("tz", "must be an IANA time zone such as UTC, Europe/Berlin or America/New_York (got '"
                    + FieldType.abbreviate(tz) + "')");
        }
    }

    private static Instant parse(String field, String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through: a local date-time or a date is read in the caller's zone
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArgument(field, "must be ISO-8601, e.g. 2026-05-01T12:00:00Z, 2026-05-01T12:00:00 or 2026-05-01 (got '"
                    + FieldType.abbreviate(text) + "')");
        }
    }
}
