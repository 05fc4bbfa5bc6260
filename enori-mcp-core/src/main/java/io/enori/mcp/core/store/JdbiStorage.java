package io.enori.mcp.core.store;

import io.enori.mcp.api.spi.AccountStore;
import io.enori.mcp.api.spi.BrowserMonitorStore;
import io.enori.mcp.api.spi.AlertChannelStore;
import io.enori.mcp.api.spi.AlertStore;
import io.enori.mcp.api.spi.ApiKeyStore;
import io.enori.mcp.api.spi.CheckResultStore;
import io.enori.mcp.api.spi.IncidentStore;
import io.enori.mcp.api.spi.LiveActivityStore;
import io.enori.mcp.api.spi.MaintenanceWindowStore;
import io.enori.mcp.api.spi.JobPingStore;
import io.enori.mcp.api.spi.MonitorPauseStore;
import io.enori.mcp.api.spi.MonitorStore;
import io.enori.mcp.api.spi.OAuthStore;
import io.enori.mcp.api.spi.ShareLinkStore;
import io.enori.mcp.api.spi.SloStore;
import io.enori.mcp.api.spi.SnoozeStore;
import io.enori.mcp.api.spi.StatusPageStore;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.api.spi.TraceStore;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The built-in {@link Storage}: JDBI over H2 or PostgreSQL, one code path for both.
 *
 * <p>{@link #create(DataSource)} migrates the schema to the current version before returning, so a storage
 * object always sees the tables it expects. Every monitor-owned row is read and written by account id, so one
 * account can never reach another's data; the exceptions are a share link's lookup by token hash, which is how
 * an anonymous viewer arrives, OAuth codes, tokens, grants and users (found by hash, id or email; the grant
 * names the account), and the scheduler's {@link MonitorStore#listAllUnpaused()}. Infrastructure
 * failures surface as {@link io.enori.mcp.api.EnoriMcpException}; invalid arguments as
 * {@link IllegalArgumentException}.
 *
 * <p>Instants are stored at microsecond precision (finer parts are truncated). The check-result and incident
 * page keys are this store's own encoding of the last item's time and id; treat them as opaque. Texts longer
 * than their column (a check's error, an incident's cause or note, a timeline message) are cut to fit.
 */
public final class JdbiStorage implements Storage {

    private final AccountStore accounts;
    private final ApiKeyStore apiKeys;
    private final MonitorStore monitors;
    private final CheckResultStore checkResults;
    private final SnoozeStore snoozes;
    private final ShareLinkStore shareLinks;
    private final IncidentStore incidents;
    private final AlertChannelStore alertChannels;
    private final AlertStore alerts;
    private final LiveActivityStore liveActivities;
    private final MaintenanceWindowStore maintenanceWindows;
    private final StatusPageStore statusPages;
    private final JobPingStore jobPings;
    private final SloStore slos;
    private final MonitorPauseStore monitorPauses;
    private final TraceStore traces;
    private final BrowserMonitorStore browserMonitors;
    private final OAuthStore oauth;

    private final Jdbi jdbi;
    private final String databaseProduct;

    private JdbiStorage(Jdbi jdbi) {
        this.jdbi = jdbi;
        try {
            this.databaseProduct = jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException | org.jdbi.v3.core.JdbiException e) {
            throw new io.enori.mcp.api.EnoriMcpException("Storage could not read the database product", e);
        }
        this.accounts = new JdbiAccountStore(jdbi);
        this.apiKeys = new JdbiApiKeyStore(jdbi);
        this.monitors = new JdbiMonitorStore(jdbi);
        this.checkResults = new JdbiCheckResultStore(jdbi);
        this.snoozes = new JdbiSnoozeStore(jdbi);
        this.shareLinks = new JdbiShareLinkStore(jdbi);
        this.incidents = new JdbiIncidentStore(jdbi);
        this.alertChannels = new JdbiAlertChannelStore(jdbi);
        this.alerts = new JdbiAlertStore(jdbi);
        this.liveActivities = new JdbiLiveActivityStore(jdbi);
        this.maintenanceWindows = new JdbiMaintenanceWindowStore(jdbi);
        this.statusPages = new JdbiStatusPageStore(jdbi);
        this.jobPings = new JdbiJobPingStore(jdbi);
        this.slos = new JdbiSloStore(jdbi);
        this.monitorPauses = new JdbiMonitorPauseStore(jdbi);
        this.traces = new JdbiTraceStore(jdbi);
        this.browserMonitors = new JdbiBrowserMonitorStore(jdbi);
        this.oauth = new JdbiOAuthStore(jdbi);
    }

    /**
     * Migrates the database behind {@code dataSource} to the current schema version, then returns a storage
     * backed by it. Safe to call on every start: applied migrations are not run again.
     *
     * @throws io.enori.mcp.api.EnoriMcpException when the database is unreachable or a migration fails
     */
    public static JdbiStorage create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Migrations.migrate(dataSource);
        return new JdbiStorage(Jdbi.create(dataSource));
    }

    /**
     * Like {@link #create(DataSource)} with {@link Databases#dataSource(String) Databases.dataSource(jdbcUrl)}.
     *
     * @throws IllegalArgumentException when the URL is neither an H2 nor a PostgreSQL URL
     */
    public static JdbiStorage create(String jdbcUrl) {
        return create(Databases.dataSource(jdbcUrl));
    }

    /** The database engine's product name as the driver reports it, e.g. {@code PostgreSQL} or {@code H2}. */
    public String databaseProduct() {
        return databaseProduct;
    }

    /** Whether the database is PostgreSQL (cluster mode needs it). */
    public boolean isPostgres() {
        return "PostgreSQL".equalsIgnoreCase(databaseProduct);
    }

    /** The database handle, for the admin flavor's validation, statistics and audit log. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Accounts and their plans. */
    @Override
    public AccountStore accounts() {
        return accounts;
    }

    /** API keys by secret hash. */
    @Override
    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    /** Monitors, keyset-paged oldest first by id. */
    @Override
    public MonitorStore monitors() {
        return monitors;
    }

    /** Check results, keyset-paged newest first, and their aggregates. */
    @Override
    public CheckResultStore checkResults() {
        return checkResults;
    }

    /** Per-principal snoozes. */
    @Override
    public SnoozeStore snoozes() {
        return snoozes;
    }

    /** Public share links, stored by token hash. */
    @Override
    public ShareLinkStore shareLinks() {
        return shareLinks;
    }

    /** Incidents, keyset-paged newest first, with their timelines and figures. */
    @Override
    public IncidentStore incidents() {
        return incidents;
    }

    /** Alert channels, keyset-paged oldest first by id. */
    @Override
    public AlertChannelStore alertChannels() {
        return alertChannels;
    }

    /** Alerts, keyset-paged newest first, with their delivery leases. */
    @Override
    public AlertStore alerts() {
        return alerts;
    }

    /** Live Activity tokens and the pushes made to them. */
    @Override
    public LiveActivityStore liveActivities() {
        return liveActivities;
    }

    /** Maintenance windows, keyset-paged by latest start, and which cover a monitor at an instant. */
    @Override
    public MaintenanceWindowStore maintenanceWindows() {
        return maintenanceWindows;
    }

    /** Status pages with their components, keyset-paged oldest first by id. */
    @Override
    public StatusPageStore statusPages() {
        return statusPages;
    }

    /** Job monitors' heartbeats, keyset-paged newest first. */
    @Override
    public JobPingStore jobPings() {
        return jobPings;
    }

    /** SLOs (targets stored exactly as DECIMAL(6,3)) and their daily rollups. */
    @Override
    public SloStore slos() {
        return slos;
    }

    /** The periods monitors were paused. */
    @Override
    public MonitorPauseStore monitorPauses() {
        return monitorPauses;
    }

    /** OTLP spans, paged by trace (newest first), purged by receipt time. */
    @Override
    public TraceStore traces() {
        return traces;
    }

    /** Browser monitors' steps (JSON columns), browser check details and built-in billing items. */
    @Override
    public BrowserMonitorStore browserMonitors() {
        return browserMonitors;
    }

    /** OAuth clients, users, grants, and codes and tokens by hash. */
    @Override
    public OAuthStore oauth() {
        return oauth;
    }
}
