package io.enori.mcp.api.spi;

import io.enori.mcp.api.AlertChannel;
import java.util.List;
import java.util.Optional;

/** Alert channels of an account. Every read and write names the account. */
public interface AlertChannelStore {
    void insert(AlertChannel channel);

    Optional<AlertChannel> find(String accountId, String channelId);

    /** Oldest first (by id, which sorts by creation), keyset-paged. */
    Page<AlertChannel> list(String accountId, PageRequest page);

    /** Every channel of the account, oldest first. */
    List<AlertChannel> listAll(String accountId);

    /**
     * Deletes a channel. Alerts already sent to it are kept; monitors that still name it simply no longer
     * alert there.
     *
     * @return whether it existed
     */
    boolean delete(String accountId, String channelId);
}
