package io.enori.mcp.core;

import io.enori.mcp.api.BrowserPricing;
import io.enori.mcp.api.spi.BillingGateway;
import io.enori.mcp.api.spi.BrowserCheckExecutor;
import io.enori.mcp.core.browser.BrowserChecks;
import io.enori.mcp.core.browser.BrowserServices;
import io.enori.mcp.core.browser.StoredBillingGateway;
import java.time.Duration;
import java.util.Optional;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Tool;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.EmailSender;
import io.enori.mcp.api.spi.PushNotifier;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.admin.AdminCatalog;
import io.enori.mcp.core.admin.ToolMetrics;
import io.enori.mcp.core.alerts.AlertChannels;
import io.enori.mcp.core.alerts.AlertOptions;
import io.enori.mcp.core.alerts.Alerting;
import io.enori.mcp.core.alerts.MaintenanceCoverage;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.checks.JdbiRunClaims;
import io.enori.mcp.core.checks.RunClaims;
import io.enori.mcp.core.checks.Scheduler;
import io.enori.mcp.core.traces.TraceIngest;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.oauth.OAuthServer;
import io.enori.mcp.core.monitors.JobHeartbeats;
import io.enori.mcp.core.ratelimit.PostgresRateLimiter;
import io.enori.mcp.core.ratelimit.RateLimiter;
import io.enori.mcp.core.ratelimit.RateLimits;
import io.enori.mcp.core.status.StatusPages;
import io.enori.mcp.core.store.Databases;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import io.enori.mcp.core.tool.ToolInvoker;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The Enori MCP core: every tool over one storage, ready to be served by a transport.
 *
 * <pre>{@code
 * EnoriMcp enori = EnoriMcp.builder().jdbcUrl("jdbc:h2:file:./enori").build();
 * ApiKeys.IssuedKey key = enori.apiKeys().create("acme", EnumSet.allOf(Scope.class), "ops");
 * McpSyncServer server = enori.serve(transportProvider, CallerResolver.fixed(enori.apiKeys().authenticate(key.plaintext())));
 * }</pre>
 */
public final class EnoriMcp implements AutoCloseable {
    public static final String SERVER_NAME = "enori-mcp";
    public static final String VERSION = "0.1.0";
    private static final java.time.Duration HOUSEKEEPING_EVERY = java.time.Duration.ofMinutes(10);
    static final String INSTRUCTIONS = "Enori uptime monitoring. Start with get_overview for the account at a glance, "
            + "get_active_incidents for what is broken now; find monitors with list_monitors (ids start mon_) and "
            + "drill in with get_monitor, get_monitor_stats and get_check_results. Incidents (inc_) open by themselves "
            + "after repeated failed checks; acknowledge_incident and add_incident_update keep their timeline. A monitor's "
            + "SLOs (slo_) are listed by list_slos, with budget and burn in get_slo_status. Website checks carry a "
            + "traceId; get_trace_detail shows the spans the checked service sent. "
            + "Browser monitors (scripted journeys) have their own tools: get_browser_monitors, "
            + "get_browser_check_details, create_browser_monitor. "
            + "Times are ISO-8601; ranges default to the last 24 h. Errors come back as {\"error\": ...} with what "
            + "to change.";

    private final CoreContext context;
    private final Map<String, Tool> tools;
    private final ToolInvoker invoker;
    private final ToolMetrics metrics;
    private final RateLimits rateLimiter;
    private final boolean cluster;
    private final DataSource ownedPool;
    private final ApiKeys apiKeys;
    private final Scheduler scheduler;
    private final Alerting alerting;
    private final StatusPages statusPages;
    private final JobHeartbeats jobHeartbeats;
    private final TraceIngest traceIngest;
    private final OAuthServer oauth;
    private final Housekeeping housekeeping;

    private EnoriMcp(Builder builder, Storage storage) {
        Ids ids = new Ids(builder.clock);
        this.context = new CoreContext(storage, builder.clock, ids, builder.checkExecutor, builder.defaultPlan,
                builder.publicBaseUrl);
        CheckRecorder recorder = new CheckRecorder(context);
        BrowserServices browser = new BrowserServices(Optional.ofNullable(builder.browserExecutor),
                builder.billingGateway != null ? builder.billingGateway : StoredBillingGateway.create(storage, ids),
                builder.browserPricing, Duration.ofSeconds(10));
        RunClaims claims = RunClaims.local();
        // Cluster mode shares the schedule: each due check runs on exactly one node.
        if (builder.sharedScheduling || builder.cluster) {
            if (!(storage instanceof JdbiStorage jdbiStorage)) {
                throw new IllegalStateException("shared scheduling needs the built-in JDBC storage");
            }
            claims = JdbiRunClaims.create(jdbiStorage.jdbi(), builder.clock);
        }
        this.scheduler = Scheduler.create(context, recorder, new BrowserChecks(context, recorder, browser),
                builder.checkWorkers, Scheduler.Options.defaults(), claims);
        this.jobHeartbeats = new JobHeartbeats(context, recorder);
        List<Tool> catalog = ToolCatalog.all(context, scheduler, browser);
        this.tools = catalog.stream()
                .filter(t -> builder.toolsets.includes(t.descriptor()))
                .collect(Collectors.toMap(t -> t.descriptor().name(), t -> t, (a, b) -> a, LinkedHashMap::new));
        this.cluster = builder.cluster;
        this.ownedPool = builder.ownedPool;
        this.rateLimiter = builder.cluster
                ? new PostgresRateLimiter(((JdbiStorage) storage).jdbi(), builder.clock, builder.apiKeyCallsPerMinute,
                        builder.oauthCallsPerMinute)
                : new RateLimiter(builder.clock, builder.apiKeyCallsPerMinute, builder.oauthCallsPerMinute);
        this.metrics = new ToolMetrics(builder.clock);
        this.invoker = new ToolInvoker(rateLimiter, metrics);
        this.apiKeys = new ApiKeys(storage, builder.clock, ids, builder.defaultPlan);
        this.alerting = Alerting.create(context, builder.alertOptions, builder.emailSender, builder.pushNotifier,
                MaintenanceCoverage.of(storage.maintenanceWindows()));
        this.statusPages = new StatusPages(context);
        if (builder.adminTools) {
            if (!(storage instanceof JdbiStorage jdbiStorage)) {
                throw new IllegalStateException("admin tools need the built-in JDBC storage");
            }
            Map<String, Tool> publicTools = catalog.stream()
                    .collect(Collectors.toMap(t -> t.descriptor().name(), t -> t, (a, b) -> a, LinkedHashMap::new));
            AdminCatalog.all(new AdminCatalog.Parts(context, jdbiStorage.jdbi(), publicTools, alerting.channels(),
                    statusPages, apiKeys, metrics, rateLimiter, scheduler))
                    .forEach(t -> tools.put(t.descriptor().name(), t));
        }
        this.traceIngest = new TraceIngest(context, builder.traceRetention);
        this.oauth = new OAuthServer(context, builder.oauthSettings != null ? builder.oauthSettings
                : OAuthServer.Settings.defaults(builder.publicBaseUrl));
        this.housekeeping = new Housekeeping(HOUSEKEEPING_EVERY).task("oauth-expired", oauth::purgeExpired)
                .task("trace-retention", traceIngest::purgeExpired);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every tool's descriptor, in catalog order. */
    public List<ToolDescriptor> toolDescriptors() {
        return tools.values().stream().map(Tool::descriptor).collect(Collectors.toList());
    }

    /**
     * The check scheduler. Not started by {@link Builder#build()}, so embedding and tests stay passive;
     * {@link #start()} starts it (the launchers call it), and {@link #close()} stops it.
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Heartbeats of job monitors: {@link JobHeartbeats#record} stores one and moves the monitor's state at once.
     * The entry point for a host's (or a later transport's) heartbeat endpoint.
     */
    public JobHeartbeats jobHeartbeats() {
        return jobHeartbeats;
    }

    /**
     * The OTLP/HTTP trace receiver's logic: a transport authenticates the request and hands the caller and body
     * to {@link TraceIngest#ingestJson}, then maps the result to HTTP.
     */
    public TraceIngest traceIngest() {
        return traceIngest;
    }

    /**
     * Starts the background work the launchers run: the check scheduler, delivery of alerts an earlier process
     * left pending (plus a periodic sweep for them), and housekeeping every 10 minutes (expired OAuth codes and
     * tokens, spans past their retention). Embedding hosts that want checks call this too;
     * without it the core stays passive, though alerts of incidents it sees are still delivered. Idempotent.
     */
    public void start() {
        scheduler.start();
        alerting.start();
        housekeeping.start();
    }

    /** Stops the scheduler and alert delivery; in-flight checks and deliveries get a short grace. */
    @Override
    public void close() {
        housekeeping.close();
        scheduler.stop();
        alerting.close();
        if (ownedPool != null) {
            Databases.close(ownedPool);
        }
    }

    /**
     * Whether this node runs in cluster mode ({@link Builder#cluster}): several nodes on one PostgreSQL database,
     * sharing the rate limit (and, where they branch on this, scheduling).
     */
    public boolean isCluster() {
        return cluster;
    }

    /** Create, list and delete the alert channels monitors notify (the MCP tools only read them). */
    public AlertChannels alertChannels() {
        return alerting.channels();
    }

    /** Issue, list, revoke and verify API keys. */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /**
     * The built-in OAuth 2.1 authorization server (no HTTP: the Jetty transport maps its endpoints) and its login
     * users. Its issuer defaults to {@link Builder#publicBaseUrl}.
     */
    public OAuthServer oauth() {
        return oauth;
    }

    /** Create, list and delete status pages (there is no create tool; the host manages them). */
    public StatusPages statusPages() {
        return statusPages;
    }

    public Storage storage() {
        return context.storage();
    }

    /**
     * Calls a tool in-process with the same checks as over MCP (authentication, rate limit, scope).
     * An unknown name is an error result here; over MCP it is a JSON-RPC error.
     */
    public ToolOutcome call(String toolName, Caller caller, Map<String, Object> arguments) {
        Tool tool = tools.get(toolName);
        if (tool == null) {
            return ToolOutcome.failed(ToolError.of("Unknown tool: " + toolName));
        }
        return invoker.invoke(tool, caller, arguments);
    }

    /** The tools as MCP SDK specifications, for transports that build their own server. */
    public List<SyncToolSpecification> toolSpecifications(CallerResolver callers) {
        Objects.requireNonNull(callers, "callers");
        return tools.values().stream().map(t -> McpToolBridge.specification(t, invoker, callers))
                .collect(Collectors.toList());
    }

    /**
     * Admits one tool call against the caller's rate limit. Transports that must answer an over-limit call
     * before the protocol layer (HTTP's 429) call this and then mark the request as admitted
     * ({@link CallerResolver#RATE_LIMITED_KEY}), so the call is counted once.
     */
    public RateLimits.Decision admit(Caller caller) {
        return rateLimiter.tryAcquire(caller);
    }

    /**
     * A new limiter of {@code perMinute} admissions per principal and rolling minute, for a transport's endpoints
     * outside tool calls (the HTTP heartbeat receiver). In cluster mode it counts in PostgreSQL like the tool-call
     * limit, so every node shares one count; otherwise in this process. Its principals share the store with the
     * tool-call limit's, so name them apart (e.g. {@code ping:TOKEN}).
     */
    public RateLimits newRateLimiter(int perMinute) {
        return cluster
                ? new PostgresRateLimiter(((JdbiStorage) context.storage()).jdbi(), context.clock(), perMinute,
                        perMinute)
                : new RateLimiter(context.clock(), perMinute, perMinute);
    }

    /**
     * Builds and starts an MCP server on a single-session transport (stdio, legacy SSE). Input validation is
     * ours, not the SDK's, so bad input gets our {@code Invalid argument} messages and numeric strings are
     * accepted.
     */
    public McpSyncServer serve(McpServerTransportProvider transport, CallerResolver callers) {
        return configure(McpServer.sync(transport), callers).build();
    }

    /** Builds and starts an MCP server on Streamable HTTP (sessions via {@code Mcp-Session-Id}). */
    public McpSyncServer serve(McpStreamableServerTransportProvider transport, CallerResolver callers) {
        return configure(McpServer.sync(transport), callers).build();
    }

    /** Builds an MCP server without server-side sessions, for nodes behind a plain load balancer. */
    public McpStatelessSyncServer serveStateless(McpStatelessServerTransport transport, CallerResolver callers) {
        List<McpStatelessServerFeatures.SyncToolSpecification> tools = this.tools.values().stream()
                .map(t -> McpToolBridge.statelessSpecification(t, invoker, callers)).collect(Collectors.toList());
        return McpServer.sync(transport)
                .jsonMapper(McpJsonDefaults.getMapper())
                .serverInfo(SERVER_NAME, VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false)
                .tools(tools)
                .build();
    }

    private McpServer.SyncSpecification<?> configure(McpServer.SyncSpecification<?> spec, CallerResolver callers) {
        return spec.jsonMapper(McpJsonDefaults.getMapper())
                .serverInfo(SERVER_NAME, VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false)
                .tools(toolSpecifications(callers));
    }

    /**
     * Configures the core. Exactly one of {@link #jdbcUrl}, {@link #dataSource} or {@link #storage}; everything
     * else has a default.
     */
    public static final class Builder {
        private String jdbcUrl;
        private DataSource dataSource;
        private Storage storage;
        private Clock clock = Clock.systemUTC();
        private CheckExecutor checkExecutor;
        private Plan defaultPlan = Plan.DEFAULT;
        private int apiKeyCallsPerMinute = 60;
        private int oauthCallsPerMinute = 100;
        private String publicBaseUrl = "http://127.0.0.1:8080";
        private int checkWorkers = 8;
        private Toolsets toolsets = Toolsets.ALL;
        private AlertOptions alertOptions = AlertOptions.defaults();
        private EmailSender emailSender;
        private PushNotifier pushNotifier;
        private Duration traceRetention = Duration.ofDays(7);
        private BrowserCheckExecutor browserExecutor;
        private BillingGateway billingGateway;
        private BrowserPricing browserPricing = BrowserPricing.DEFAULT;
        private OAuthServer.Settings oauthSettings;
        private boolean adminTools;
        private boolean sharedScheduling;
        private boolean cluster;
        private int dbPoolSize = Databases.DEFAULT_POOL_SIZE;
        private Duration statementTimeout = Databases.DEFAULT_STATEMENT_TIMEOUT;
        private DataSource ownedPool;

        private Builder() {
        }

        /**
         * Shares the check schedule with the other nodes on the same database: each due check runs on exactly
         * one of them (claimed in the {@code monitor_leases} table, see {@link JdbiRunClaims}), and a stopped
         * node's monitors move to the others within one interval. Cluster mode turns this on; default off (one
         * node, nothing claimed). Needs the built-in JDBC storage.
         */
        public Builder sharedScheduling(boolean enabled) {
            this.sharedScheduling = enabled;
            return this;
        }

        /**
         * The connection pool opened for a PostgreSQL {@link #jdbcUrl}: at most {@code poolSize} connections
         * (default {@value Databases#DEFAULT_POOL_SIZE}), each statement cancelled after {@code statementTimeout}
         * (default 30 s). The pool is closed by {@link EnoriMcp#close()}. No effect on H2 or a host's dataSource.
         */
        public Builder dbPool(int poolSize, Duration statementTimeout) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("dbPool size must be >= 1");
            }
            Objects.requireNonNull(statementTimeout, "statementTimeout");
            if (statementTimeout.isNegative() || statementTimeout.isZero()) {
                throw new IllegalArgumentException("statementTimeout must be positive");
            }
            this.dbPoolSize = poolSize;
            this.statementTimeout = statementTimeout;
            return this;
        }

        /**
         * Cluster mode: this node is one of several behind a load balancer on one PostgreSQL database. The rate
         * limit is then counted in PostgreSQL, exactly across nodes (one round trip per call), instead of in this
         * process, and the check schedule is shared ({@link #sharedScheduling}). Needs the built-in storage on PostgreSQL ({@link #jdbcUrl} {@code jdbc:postgresql:…} or a
         * PostgreSQL {@link #dataSource}); {@link #build()} fails otherwise. Default off.
         */
        public Builder cluster(boolean enabled) {
            this.cluster = enabled;
            return this;
        }

        /**
         * Also offers the admin tools (io.enori.mcp.core.admin: manage_*, admin_*, db_*), which act across
         * accounts. Only for the internal flavor, after the admin key matched; default off.
         */
        public Builder adminTools(boolean enabled) {
            this.adminTools = enabled;
            return this;
        }

        /**
         * Runs browser monitors (e.g. on Playwright). Without one, browser monitors can be created and edited but
         * are not run.
         */
        public Builder browserCheckExecutor(BrowserCheckExecutor executor) {
            this.browserExecutor = Objects.requireNonNull(executor, "browserCheckExecutor");
            return this;
        }

        /** Bills browser monitors beyond the free slots; default: items recorded in the database. */
        public Builder billingGateway(BillingGateway gateway) {
            this.billingGateway = Objects.requireNonNull(gateway, "billingGateway");
            return this;
        }

        /** Price and period of a paid browser monitor; default {@link BrowserPricing#DEFAULT}. */
        public Builder browserPricing(BrowserPricing pricing) {
            this.browserPricing = Objects.requireNonNull(pricing, "browserPricing");
            return this;
        }

        /** Issuer and token lifetimes of the OAuth server; default {@code Settings.defaults(publicBaseUrl)}. */
        public Builder oauthSettings(OAuthServer.Settings settings) {
            this.oauthSettings = Objects.requireNonNull(settings, "oauthSettings");
            return this;
        }

        /** Stores in the database at this JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…}). */
        public Builder jdbcUrl(String jdbcUrl) {
            requireNoStorageYet("jdbcUrl");
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            return this;
        }

        /** Stores through the host's own pool; migrations run at build. */
        public Builder dataSource(DataSource dataSource) {
            requireNoStorageYet("dataSource");
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** A storage implementation of the host's own. */
        public Builder storage(Storage storage) {
            requireNoStorageYet("storage");
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder checkExecutor(CheckExecutor checkExecutor) {
            this.checkExecutor = Objects.requireNonNull(checkExecutor, "checkExecutor");
            return this;
        }

        /** The plan new accounts get. */
        public Builder defaultPlan(Plan plan) {
            this.defaultPlan = Objects.requireNonNull(plan, "defaultPlan");
            return this;
        }

        /** Tool calls per rolling minute, per API key and per OAuth grant. */
        public Builder rateLimits(int apiKeyCallsPerMinute, int oauthCallsPerMinute) {
            if (apiKeyCallsPerMinute < 1 || oauthCallsPerMinute < 1) {
                throw new IllegalArgumentException("rateLimits must be >= 1 per minute");
            }
            this.apiKeyCallsPerMinute = apiKeyCallsPerMinute;
            this.oauthCallsPerMinute = oauthCallsPerMinute;
            return this;
        }

        /** How many scheduled checks may run at once (each waits at most its monitor's timeout). */
        public Builder checkWorkers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("checkWorkers must be >= 1");
            }
            this.checkWorkers = workers;
            return this;
        }

        /**
         * Offers only some tool groups, or only read tools ({@link Toolsets#parse}); others are unknown tools to
         * {@code tools/list}, {@code tools/call} and {@link EnoriMcp#call}. Default: every tool.
         */
        public Builder toolsets(Toolsets toolsets) {
            this.toolsets = Objects.requireNonNull(toolsets, "toolsets");
            return this;
        }

        /** Where share links point, e.g. {@code https://status.example.com}. */
        public Builder publicBaseUrl(String publicBaseUrl) {
            Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
            if (!publicBaseUrl.startsWith("http://") && !publicBaseUrl.startsWith("https://")) {
                throw new IllegalArgumentException("publicBaseUrl must start with http:// or https://");
            }
            this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
            return this;
        }

        /** Per-attempt timeout, attempts, backoff and workers of alert delivery. */
        public Builder alertOptions(AlertOptions options) {
            this.alertOptions = Objects.requireNonNull(options, "alertOptions");
            return this;
        }

        /** Sends email alerts; without one they are recorded as undeliverable ("no email sender configured"). */
        public Builder emailSender(EmailSender sender) {
            this.emailSender = Objects.requireNonNull(sender, "emailSender");
            return this;
        }

        /**
         * Pushes incident changes to registered Live Activity tokens; without one each push is recorded as not
         * sent ("no push notifier configured").
         */
        public Builder pushNotifier(PushNotifier notifier) {
            this.pushNotifier = Objects.requireNonNull(notifier, "pushNotifier");
            return this;
        }

        /** How long spans received over OTLP are kept (counted from receipt); default 7 days. */
        public Builder traceRetention(Duration retention) {
            Objects.requireNonNull(retention, "traceRetention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("traceRetention must be positive");
            }
            this.traceRetention = retention;
            return this;
        }

        public EnoriMcp build() {
            if (cluster && (storage != null || (jdbcUrl != null && !jdbcUrl.trim().startsWith(Databases.POSTGRES_PREFIX))
                    || (jdbcUrl == null && dataSource == null))) {
                throw new IllegalStateException("cluster mode needs PostgreSQL: set jdbcUrl to a "
                        + Databases.POSTGRES_PREFIX + "… URL (or a PostgreSQL dataSource); every node must use the"
                        + " same database");
            }
            Storage resolved = storage;
            if (resolved == null && dataSource != null) {
                resolved = JdbiStorage.create(dataSource);
            }
            if (resolved == null) {
                DataSource pool = Databases.dataSource(jdbcUrl != null ? jdbcUrl : Databases.defaultH2Url(), dbPoolSize,
                        statementTimeout);
                try {
                    resolved = JdbiStorage.create(pool);
                } catch (RuntimeException e) {
                    Databases.close(pool);
                    throw e;
                }
                ownedPool = pool;
            }
            if (cluster && !((JdbiStorage) resolved).isPostgres()) {
                throw new IllegalStateException("cluster mode needs PostgreSQL, but the dataSource is "
                        + ((JdbiStorage) resolved).databaseProduct());
            }
            if (checkExecutor == null) {
                checkExecutor = DefaultCheckExecutor.builder().clock(clock).build();
            }
            return new EnoriMcp(this, resolved);
        }

        private void requireNoStorageYet(String setting) {
            if (jdbcUrl != null || dataSource != null || storage != null) {
                throw new IllegalStateException(setting + ": storage was already set (jdbcUrl, dataSource and storage"
                        + " are alternatives; set exactly one)");
            }
        }
    }
}
