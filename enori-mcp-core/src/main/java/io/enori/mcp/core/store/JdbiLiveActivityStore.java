package io.enori.mcp.core.store;

import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.LiveActivityToken;
import io.enori.mcp.api.spi.LiveActivityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiLiveActivityStore implements LiveActivityStore {

    private static final String TOKEN_COLUMNS =
            "account_id, incident_id, token, platform, label, principal_id, created_at";
    private static final String PUSH_COLUMNS = "id, account_id, incident_id, token, kind, delivered, error, pushed_at";
    private static final String KEY = "account_id = :accountId AND incident_id = :incidentId AND token = :token";

    private final Jdbi jdbi;

    JdbiLiveActivityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Update, else insert, as for snoozes: portable, and a concurrent registration of the same token wins once. */
    @Override
    public boolean register(LiveActivityToken token) {
        Objects.requireNonNull(token, "token");
        return Sql.call("register a live activity token for incident " + token.incidentId(), () -> {
            if (jdbi.withHandle(h -> update(h, token)) == 1) {
                return false;
            }
            try {
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO live_activity_tokens (" + TOKEN_COLUMNS + ") VALUES ("
                                + ":accountId, :incidentId, :token, :platform, :label, :principalId, :createdAt)")
                        .bind("accountId", token.accountId())
                        .bind("incidentId", token.incidentId())
                        .bind("token", token.token())
                        .bind("platform", token.platform())
                        .bind("label", token.label())
                        .bind("principalId", token.principalId())
                        .bind("createdAt", Sql.instant(token.createdAt()))
                        .execute());
                return true;
            } catch (JdbiException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                jdbi.useHandle(h -> update(h, token));
                return false;
            }
        });
    }

    private static int update(Handle h, LiveActivityToken token) {
        return h.createUpdate("UPDATE live_activity_tokens SET platform = :platform, label = :label WHERE " + KEY)
                .bind("platform", token.platform())
                .bind("label", token.label())
                .bind("accountId", token.accountId())
                .bind("incidentId", token.incidentId())
                .bind("token", token.token())
                .execute();
    }

    @Override
    public List<LiveActivityToken> listForIncident(String accountId, String incidentId) {
        return Sql.call("list live activity tokens of incident " + incidentId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + TOKEN_COLUMNS + " FROM live_activity_tokens WHERE account_id = :accountId "
                                + "AND incident_id = :incidentId ORDER BY created_at, token")
                .bind("accountId", accountId)
                .bind("incidentId", incidentId)
                .map(JdbiLiveActivityStore::mapToken)
                .list()));
    }

    @Override
    public void recordPush(PushAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        String error = attempt.error() == null || attempt.error().length() <= 1000 ? attempt.error()
                : attempt.error().substring(0, 1000);
        Sql.run("record a live activity push for incident " + attempt.incidentId(), () -> jdbi.useHandle(h ->
                h.createUpdate("INSERT INTO live_activity_pushes (" + PUSH_COLUMNS + ") VALUES (:id, :accountId, "
                                + ":incidentId, :token, :kind, :delivered, :error, :at)")
                        .bind("id", attempt.id())
                        .bind("accountId", attempt.accountId())
                        .bind("incidentId", attempt.incidentId())
                        .bind("token", attempt.token())
                        .bind("kind", attempt.kind().name())
                        .bind("delivered", attempt.delivered())
                        .bind("error", error)
                        .bind("at", Sql.instant(attempt.at()))
                        .execute()));
    }

    @Override
    public List<PushAttempt> pushes(String accountId, String incidentId) {
        return Sql.call("list live activity pushes of incident " + incidentId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + PUSH_COLUMNS + " FROM live_activity_pushes WHERE account_id = :accountId "
                                + "AND incident_id = :incidentId ORDER BY pushed_at, id")
                .bind("accountId", accountId)
                .bind("incidentId", incidentId)
                .map(JdbiLiveActivityStore::mapPush)
                .list()));
    }

    private static LiveActivityToken mapToken(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LiveActivityToken(rs.getString("account_id"), rs.getString("incident_id"), rs.getString("token"),
                rs.getString("platform"), rs.getString("label"), rs.getString("principal_id"),
                Sql.instant(rs, "created_at"));
    }

    private static PushAttempt mapPush(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PushAttempt(rs.getString("id"), rs.getString("account_id"), rs.getString("incident_id"),
                rs.getString("token"), IncidentEvent.Kind.valueOf(rs.getString("kind")), rs.getBoolean("delivered"),
                rs.getString("error"), Sql.instant(rs, "pushed_at"));
    }
}
