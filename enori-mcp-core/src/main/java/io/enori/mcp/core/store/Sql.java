package io.enori.mcp.core.store;

import io.enori.mcp.api.EnoriMcpException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;

/** Conversions and failure handling shared by the JDBI stores. */
final class Sql {

    /** SQLSTATE of a unique or primary key violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /**
     * Binds an instant as {@code TIMESTAMP WITH TIME ZONE} at UTC. Truncated to microseconds first because both
     * databases would otherwise round, and a rounded-up instant could cross a half-open range's end.
     */
    static Argument instant(Instant instant) {
        if (instant == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        OffsetDateTime value = OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    /** Reads a numeric aggregate; H2 answers {@code BigDecimal} where PostgreSQL answers {@code double}. */
    static Double decimal(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** A list as one comma-separated column; an empty list is stored as {@code NULL}. */
    static String joinList(List<?> values, String what) {
        if (values.isEmpty()) {
            return null;
        }
        List<String> parts = values.stream().map(String::valueOf).collect(Collectors.toList());
        for (String part : parts) {
            if (part.isEmpty() || part.contains(",")) {
                throw new IllegalArgumentException(what + " must be non-empty and contain no comma: '" + part + "'");
            }
        }
        return String.join(",", parts);
    }

    static List<String> splitList(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }

    static List<Integer> splitIntegers(String column) {
        List<Integer> values = new ArrayList<>();
        for (String part : splitList(column)) {
            values.add(Integer.valueOf(part));
        }
        return List.copyOf(values);
    }

    /**
     * Runs one storage operation, turning JDBI's failures into the project's infrastructure exception with
     * {@code what} as context. Argument errors ({@link IllegalArgumentException}) pass through untouched.
     */
    static <T> T call(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (JdbiException e) {
                if (attempt < MAX_ATTEMPTS && isRetryable(e)) {
                    backOff(attempt);
                    continue;
                }
                String reason = isUniqueViolation(e) ? ": a row with the same key already exists" : "";
                throw new EnoriMcpException("Storage could not " + what + reason, e);
            }
        }
    }

    /** Attempts of one operation that fails with a serialization failure or deadlock (the last one's error wins). */
    static final int MAX_ATTEMPTS = 4;

    /** SQLSTATEs PostgreSQL asks the client to retry: serialization failure, deadlock detected. */
    private static final java.util.Set<String> RETRYABLE = java.util.Set.of("40001", "40P01");

    /**
     * Whether the failure is a serialization failure or deadlock: the database rolled the work back, so running
     * it again (a {@code withHandle}/{@code inTransaction} unit as a whole) is safe.
     */
    static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && UNIQUE_VIOLATION.equals(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
