package io.enori.mcp.api.spi;

import io.enori.mcp.api.StatusPage;
import java.util.List;
import java.util.Optional;

/**
 * Status pages and their components. Every read and write names the account; a component's monitor must belong
 * to the page's account, and deleting a monitor removes its components.
 */
public interface StatusPageStore {

    /**
     * @throws io.enori.mcp.api.EnoriMcpException when a component's monitor is not in the page's account, or the
     *                                           slug is taken
     */
    void insert(StatusPage page);

    Optional<StatusPage> find(String accountId, String statusPageId);

    /** The page published under {@code slug}, whichever account owns it (how an anonymous viewer arrives). */
    Optional<StatusPage> findBySlug(String slug);

    /** Oldest first, keyset-paged by id. */
    Page<StatusPage> list(String accountId, PageRequest page);

    /** Every page of the account (bounded by the plan's cap), oldest first. */
    List<StatusPage> listAll(String accountId);

    int count(String accountId);

    /** @return whether the page existed */
    boolean delete(String accountId, String statusPageId);
}
