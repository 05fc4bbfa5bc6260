package io.enori.mcp.api.spi;

import io.enori.mcp.api.Account;
import java.util.List;
import java.util.Optional;

/** Accounts (tenants). */
public interface AccountStore {
    void insert(Account account);

    Optional<Account> find(String accountId);

    Optional<Account> findByName(String name);

    List<Account> list();
}
