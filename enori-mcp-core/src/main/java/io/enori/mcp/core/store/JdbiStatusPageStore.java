package io.enori.mcp.core.store;

import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.api.spi.StatusPageStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** Pages in {@code status_pages}, their components in {@code status_page_components}, read in two queries. */
final class JdbiStatusPageStore implements StatusPageStore {

    private static final String COLUMNS = "id, account_id, name, slug, created_at";

    private final Jdbi jdbi;

    JdbiStatusPageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(StatusPage page) {
        Objects.requireNonNull(page, "page");
        Sql.run("insert status page " + page.id(), () -> jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO status_pages (" + COLUMNS + ") VALUES (:id, :accountId, :name, :slug, "
                            + ":createdAt)")
                    .bind("id", page.id())
                    .bind("accountId", page.accountId())
                    .bind("name", page.name())
                    .bind("slug", page.slug())
                    .bind("createdAt", Sql.instant(page.createdAt()))
                    .execute();
            if (!page.components().isEmpty()) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO status_page_components (account_id, status_page_id, "
                        + "seq, name, monitor_id) VALUES (:accountId, :pageId, :seq, :name, :monitorId)");
                for (int i = 0; i < page.components().size(); i++) {
                    StatusPage.Component c = page.components().get(i);
                    batch.bind("accountId", page.accountId()).bind("pageId", page.id()).bind("seq", i)
                            .bind("name", c.name()).bind("monitorId", c.monitorId()).add();
                }
                batch.execute();
            }
        }));
    }

    @Override
    public Optional<StatusPage> find(String accountId, String statusPageId) {
        return Sql.call("find status page " + statusPageId, () -> jdbi.withHandle(h -> withComponents(h,
                h.createQuery("SELECT " + COLUMNS + " FROM status_pages WHERE account_id = :accountId AND id = :id")
                        .bind("accountId", accountId)
                        .bind("id", statusPageId)
                        .map(JdbiStatusPageStore::map)
                        .list())).stream().findFirst());
    }

    @Override
    public Optional<StatusPage> findBySlug(String slug) {
        return Sql.call("find status page by slug", () -> jdbi.withHandle(h -> withComponents(h,
                h.createQuery("SELECT " + COLUMNS + " FROM status_pages WHERE slug = :slug")
                        .bind("slug", slug)
                        .map(JdbiStatusPageStore::map)
                        .list())).stream().findFirst());
    }

    /** Oldest first by id; the page key is the last item's id. */
    @Override
    public Page<StatusPage> list(String accountId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        String sql = "SELECT " + COLUMNS + " FROM status_pages WHERE account_id = :accountId"
                + (page.afterKey() == null ? "" : " AND id > :afterKey") + " ORDER BY id LIMIT :limit";
        return Sql.call("list status pages of account " + accountId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("limit", page.limit() + 1);
            if (page.afterKey() != null) {
                query.bind("afterKey", page.afterKey());
            }
            List<StatusPage> rows = query.map(JdbiStatusPageStore::map).list();
            // One row beyond the limit was fetched only to learn whether another page exists.
            if (rows.size() <= page.limit()) {
                return new Page<>(withComponents(h, rows), null);
            }
            List<StatusPage> items = rows.subList(0, page.limit());
            return new Page<>(withComponents(h, items), items.get(items.size() - 1).id());
        }));
    }

    @Override
    public List<StatusPage> listAll(String accountId) {
        return Sql.call("list status pages of account " + accountId, () -> jdbi.withHandle(h -> withComponents(h,
                h.createQuery("SELECT " + COLUMNS + " FROM status_pages WHERE account_id = :accountId ORDER BY id")
                        .bind("accountId", accountId)
                        .map(JdbiStatusPageStore::map)
                        .list())));
    }

    @Override
    public int count(String accountId) {
        return Sql.call("count status pages of account " + accountId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM status_pages WHERE account_id = :accountId")
                .bind("accountId", accountId)
                .mapTo(Long.class)
                .one())).intValue();
    }

    /** Components go with their page (ON DELETE CASCADE). */
    @Override
    public boolean delete(String accountId, String statusPageId) {
        return Sql.call("delete status page " + statusPageId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM status_pages WHERE account_id = :accountId AND id = :id")
                .bind("accountId", accountId)
                .bind("id", statusPageId)
                .execute()) > 0);
    }

    /** Attaches every page's components, read for all of them in one query. */
    private static List<StatusPage> withComponents(Handle h, List<StatusPage> pages) {
        if (pages.isEmpty()) {
            return pages;
        }
        Map<String, List<StatusPage.Component>> components = new HashMap<>();
        h.createQuery("SELECT status_page_id, name, monitor_id FROM status_page_components "
                        + "WHERE account_id = :accountId AND status_page_id IN (<ids>) ORDER BY status_page_id, seq")
                .bind("accountId", pages.get(0).accountId())
                .bindList("ids", pages.stream().map(StatusPage::id).collect(Collectors.toList()))
                .map((rs, ctx) -> Map.entry(rs.getString("status_page_id"),
                        new StatusPage.Component(rs.getString("name"), rs.getString("monitor_id"))))
                .forEach(e -> components.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return pages.stream().map(p -> new StatusPage(p.id(), p.accountId(), p.name(), p.slug(),
                components.getOrDefault(p.id(), List.of()), p.createdAt())).collect(Collectors.toList());
    }

    private static StatusPage map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StatusPage(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                rs.getString("slug"), List.of(), Sql.instant(rs, "created_at"));
    }
}
