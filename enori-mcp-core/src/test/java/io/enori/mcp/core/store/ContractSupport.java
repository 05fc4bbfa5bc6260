package io.enori.mcp.core.store;

import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.spi.Storage;

/** What the contract interfaces share: the storage under test and a way to put monitors into it. */
interface ContractSupport {

    /** The storage under test, fresh for each test. */
    Storage storage();

    default Monitor givenMonitor(Monitor monitor) {
        storage().monitors().insert(monitor);
        return monitor;
    }

    default Monitor givenMonitor(String accountId, String monitorId) {
        return givenMonitor(Fixtures.monitor(accountId, monitorId));
    }
}
