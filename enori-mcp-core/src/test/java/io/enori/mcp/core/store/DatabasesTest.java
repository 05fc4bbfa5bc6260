package io.enori.mcp.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class DatabasesTest {

    @Test
    void h2UrlGivesAPooledH2DataSourceForThatUrl() throws Exception {
        DataSource pooled = Databases.dataSource("jdbc:h2:mem:x");
        assertThat(pooled).isInstanceOf(JdbcConnectionPool.class);
        try (Connection connection = pooled.getConnection()) {
            assertThat(connection.getMetaData().getURL()).isEqualTo("jdbc:h2:mem:x");
        }
    }

    @Test
    void postgresUrlParametersBecomeDataSourceProperties() {
        assertThat(Databases.dataSource(
                "jdbc:postgresql://db.internal:6543/enori?user=app&password=s3cret&currentSchema=monitoring"))
                .isInstanceOfSatisfying(HikariDataSource.class, pool -> {
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(Databases.DEFAULT_POOL_SIZE);
                    assertThat(pool.getConnectionInitSql()).isEqualTo("SET statement_timeout = 30000");
                    PGSimpleDataSource ds = (PGSimpleDataSource) pool.getDataSource();
                    assertThat(ds.getServerNames()).containsExactly("db.internal");
                    assertThat(ds.getPortNumbers()).containsExactly(6543);
                    assertThat(ds.getDatabaseName()).isEqualTo("enori");
                    assertThat(ds.getUser()).isEqualTo("app");
                    assertThat(ds.getPassword()).isEqualTo("s3cret");
                    assertThat(ds.getCurrentSchema()).isEqualTo("monitoring");
                });
    }

    @Test
    void postgresPoolSizeAndStatementTimeoutAreConfigurable() {
        try (HikariDataSource pool = (HikariDataSource) Databases.dataSource("jdbc:postgresql://db.internal/enori", 3,
                Duration.ofSeconds(5))) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getConnectionInitSql()).isEqualTo("SET statement_timeout = 5000");
        }
        assertThatThrownBy(() -> Databases.dataSource("jdbc:postgresql://db.internal/enori", 0, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsupportedUrlIsRejectedNamingTheSupportedPrefixesButNotThePassword() {
        assertThatThrownBy(() -> Databases.dataSource("jdbc:mysql://localhost/enori?user=a&password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void defaultH2UrlIsADurableFileUnderTheUsersHome() {
        String expectedFile = Path.of(System.getProperty("user.home"), ".enori", "enori").toString();

        assertThat(Databases.defaultH2Url())
                .startsWith("jdbc:h2:file:" + expectedFile + ";")
                .contains(";AUTO_SERVER=FALSE")
                .contains(";WRITE_DELAY=0");
    }

    @Test
    void fileUrlsAreMadeDurableAndSurviveInterruptedWrites() {
        assertThat(Databases.durableH2("jdbc:h2:file:/data/enori;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:retry:file:/data/enori;DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
        assertThat(Databases.durableH2("jdbc:h2:./enori;WRITE_DELAY=100")).isEqualTo("jdbc:h2:retry:file:./enori;WRITE_DELAY=100");
        assertThat(Databases.durableH2("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        assertThat(Databases.durableH2("jdbc:h2:tcp://db/enori")).isEqualTo("jdbc:h2:tcp://db/enori;WRITE_DELAY=0");
    }

    @Test
    void aWriteFromAnInterruptedThreadDoesNotBreakAFileDatabase(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        javax.sql.DataSource ds = Databases.dataSource("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x INT)");
            Thread.currentThread().interrupt();
            st.execute("INSERT INTO t VALUES (1)");
            Thread.interrupted();
            try (java.sql.ResultSet r = st.executeQuery("SELECT COUNT(*) FROM t")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        } finally {
            Thread.interrupted();
            if (ds instanceof org.h2.jdbcx.JdbcConnectionPool pool) {
                pool.dispose();
            }
        }
    }
}
