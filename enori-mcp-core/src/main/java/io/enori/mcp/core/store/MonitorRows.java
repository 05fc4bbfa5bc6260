package io.enori.mcp.core.store;

import io.enori.mcp.api.DnsRecordType;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.MonitorType;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a {@link Monitor} to the {@code monitors} row and back. The target's fields share a set of nullable
 * columns; each type uses its own subset and leaves the rest {@code NULL}.
 */
final class MonitorRows {

    static final String TARGET_COLUMNS = "type, url, keyword, expected_status_codes, host, port, record_type, "
            + "expected_value, grace_seconds";

    static final String COLUMNS = "id, account_id, name, " + TARGET_COLUMNS + ", interval_seconds, timeout_ms, "
            + "alert_after_failures, channel_ids, paused, status, consecutive_failures, last_checked_at, "
            + "last_response_time_ms, last_success_at, ssl_expires_at, domain_expires_at, created_at, updated_at";

    static final String TARGET_ASSIGNMENTS = "type = :type, url = :url, keyword = :keyword, "
            + "expected_status_codes = :expectedStatusCodes, host = :host, port = :port, record_type = :recordType, "
            + "expected_value = :expectedValue, grace_seconds = :graceSeconds";

    static final String TARGET_VALUES = ":type, :url, :keyword, :expectedStatusCodes, :host, :port, :recordType, "
            + ":expectedValue, :graceSeconds";

    private MonitorRows() {
    }

    /** Binds every target column, so a monitor that changes type leaves no stale values behind. */
    static <S extends SqlStatement<S>> S bindTarget(S statement, MonitorTarget target) {
        String url = null;
        String keyword = null;
        String expectedStatusCodes = null;
        String host = null;
        Integer port = null;
        String recordType = null;
        String expectedValue = null;
        Integer graceSeconds = null;
        switch (target.type()) {
            case WEBSITE:
                MonitorTarget.Website website = (MonitorTarget.Website) target;
                url = website.url();
                keyword = website.keyword();
                expectedStatusCodes = Sql.joinList(website.expectedStatusCodes(), "expected status code");
                break;
            case PING:
                host = ((MonitorTarget.Ping) target).host();
                break;
            case PORT:
                MonitorTarget.Port portTarget = (MonitorTarget.Port) target;
                host = portTarget.host();
                port = portTarget.port();
                break;
            case DNS:
                MonitorTarget.Dns dns = (MonitorTarget.Dns) target;
                host = dns.host();
                recordType = dns.recordType().name();
                expectedValue = dns.expectedValue();
                break;
            case DOMAIN:
                host = ((MonitorTarget.Domain) target).host();
                break;
            case JOB:
                graceSeconds = ((MonitorTarget.Job) target).graceSeconds();
                break;
            case BROWSER:
                url = ((MonitorTarget.Browser) target).url();
                break;
            default:
                throw new IllegalArgumentException("Unsupported monitor type " + target.type());
        }
        return statement.bind("type", target.type().name())
                .bind("url", url)
                .bind("keyword", keyword)
                .bind("expectedStatusCodes", expectedStatusCodes)
                .bind("host", host)
                .bind("port", port)
                .bind("recordType", recordType)
                .bind("expectedValue", expectedValue)
                .bind("graceSeconds", graceSeconds);
    }

    static MonitorTarget target(ResultSet rs) throws SQLException {
        MonitorType type = MonitorType.valueOf(rs.getString("type"));
        switch (type) {
            case WEBSITE:
                return new MonitorTarget.Website(rs.getString("url"), rs.getString("keyword"),
                        Sql.splitIntegers(rs.getString("expected_status_codes")));
            case PING:
                return new MonitorTarget.Ping(rs.getString("host"));
            case PORT:
                return new MonitorTarget.Port(rs.getString("host"), rs.getInt("port"));
            case DNS:
                return new MonitorTarget.Dns(rs.getString("host"), DnsRecordType.valueOf(rs.getString("record_type")),
                        rs.getString("expected_value"));
            case DOMAIN:
                return new MonitorTarget.Domain(rs.getString("host"));
            case JOB:
                return new MonitorTarget.Job(rs.getInt("grace_seconds"));
            case BROWSER:
                return new MonitorTarget.Browser(rs.getString("url"));
            default:
                throw new IllegalStateException("Unsupported monitor type " + type);
        }
    }

    static Monitor map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Monitor(rs.getString("id"), rs.getString("account_id"), rs.getString("name"), target(rs),
                rs.getInt("interval_seconds"), rs.getInt("timeout_ms"), rs.getInt("alert_after_failures"),
                Sql.splitList(rs.getString("channel_ids")), rs.getBoolean("paused"),
                MonitorStatus.valueOf(rs.getString("status")), rs.getInt("consecutive_failures"),
                Sql.instant(rs, "last_checked_at"), Sql.integer(rs, "last_response_time_ms"),
                Sql.instant(rs, "last_success_at"), Sql.instant(rs, "ssl_expires_at"),
                Sql.instant(rs, "domain_expires_at"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    /**
     * The status column holds what checks found; "paused" is the separate flag, so pausing and resuming never
     * lose the last check-derived status.
     */
    static String checkedStatus(Monitor monitor) {
        if (monitor.status() == MonitorStatus.PAUSED) {
            throw new IllegalArgumentException("Monitor " + monitor.id() + ": status PAUSED is not stored; "
                    + "store PENDING, UP or DOWN and set the paused flag");
        }
        return monitor.status().name();
    }
}
