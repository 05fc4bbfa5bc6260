package io.enori.mcp.core.checks;

import io.enori.mcp.core.store.TestStorage;

/** The run claims contract on H2. */
class JdbiRunClaimsTest extends RunClaimsContract {

    @Override
    protected String freshUrl() {
        return TestStorage.freshH2Url();
    }
}
