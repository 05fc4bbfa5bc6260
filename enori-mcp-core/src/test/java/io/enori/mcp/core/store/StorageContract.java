package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.T0;

import io.enori.mcp.api.spi.Storage;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour every {@link Storage} must show, whatever the database. Subclass it once per backend and return
 * a storage over a fresh, empty database from {@link #newStorage()}; the tests themselves live in the
 * per-aggregate contract interfaces this class implements.
 *
 * <p>Before each test, accounts {@link Fixtures#A} (created at {@link Fixtures#T0}) and {@link Fixtures#B}
 * (one second later) exist, so isolation between two accounts can be shown everywhere.
 */
public abstract class StorageContract
        implements AccountAndKeyContract, MonitorContract, CheckResultContract, SnoozeAndShareLinkContract,
        IncidentContract, AlertContract, MaintenanceWindowContract, StatusPageContract, JobPingContract,
        SloContract, TraceContract, BrowserMonitorContract, OAuthContract {

    private Storage storage;

    /** A storage over a fresh, empty database; called once before each test. */
    protected abstract Storage newStorage();

    @BeforeEach
    final void freshStorageWithTwoAccounts() {
        storage = newStorage();
        storage.accounts().insert(Fixtures.account(A, "Alpha", T0));
        storage.accounts().insert(Fixtures.account(B, "Beta", T0.plusSeconds(1)));
    }

    @Override
    public final Storage storage() {
        return storage;
    }
}
