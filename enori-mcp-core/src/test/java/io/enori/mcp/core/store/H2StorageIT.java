package io.enori.mcp.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.spi.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on embedded H2, plus what only H2 deployments rely on: the durable default file. */
class H2StorageIT extends StorageContract {

    private static final Account ACCOUNT = new Account("acc_file", "File", Plan.DEFAULT,
            Instant.parse("2025-01-01T00:00:00Z"));

    @Override
    protected Storage newStorage() {
        return TestStorage.freshH2();
    }

    @Test
    void defaultFileDatabaseKeepsCommittedDataAcrossARestart(@TempDir Path home) throws SQLException {
        String url = withUserHome(home, Databases::defaultH2Url);
        JdbiStorage.create(url).accounts().insert(ACCOUNT);

        // SHUTDOWN closes the database although DB_CLOSE_DELAY=-1 keeps it open otherwise, as a JVM exit would.
        execute(Databases.dataSource(url), "SHUTDOWN");
        assertThat(Files.exists(home.resolve(".enori").resolve("enori.mv.db"))).isTrue();

        assertThat(JdbiStorage.create(url).accounts().find("acc_file")).contains(ACCOUNT);
    }

    @Test
    void migrationsRunOnceAndAreSkippedOnTheNextStart() throws SQLException {
        String url = TestStorage.freshH2Url();
        JdbiStorage.create(url).accounts().insert(ACCOUNT);

        JdbiStorage again = JdbiStorage.create(url);

        assertThat(again.accounts().find("acc_file")).contains(ACCOUNT);
        assertThat(count(Databases.dataSource(url), "SELECT COUNT(*) FROM \"" + Migrations.HISTORY_TABLE
                + "\" WHERE \"success\" AND \"version\" = '1'")).isEqualTo(1);
    }

    @Test
    void migratesIntoADatabaseThatAlreadyHoldsAHostsTables() throws SQLException {
        String url = TestStorage.freshH2Url();
        DataSource dataSource = Databases.dataSource(url);
        execute(dataSource, "CREATE TABLE host_orders (id INTEGER PRIMARY KEY)");
        execute(dataSource, "INSERT INTO host_orders VALUES (7)");

        JdbiStorage.create(dataSource).accounts().insert(ACCOUNT);

        assertThat(count(dataSource, "SELECT COUNT(*) FROM host_orders")).isEqualTo(1);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM accounts")).isEqualTo(1);
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsCreateWithAStorageException() {
        assertThatThrownBy(() -> JdbiStorage.create("jdbc:h2:mem:x;NO_SUCH_SETTING=1"))
                .isInstanceOf(EnoriMcpException.class)
                .hasMessageContaining("migrate");
    }

    private static String withUserHome(Path home, Supplier<String> work) {
        String original = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            return work.get();
        } finally {
            System.setProperty("user.home", original);
        }
    }

    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
