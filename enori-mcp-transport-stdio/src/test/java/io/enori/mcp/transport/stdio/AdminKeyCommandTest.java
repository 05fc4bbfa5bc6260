package io.enori.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.core.admin.AdminKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code admin-key set} stores only the hash and prints nothing secret; the launcher's gate uses it. */
class AdminKeyCommandTest {
    private final String url = "jdbc:h2:mem:adminkey" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static final String KEY = "a-long-random-admin-secret";

    @Test
    void setStoresTheHashAndTheGateMatchesOnlyTheRightKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = StdioMain.run(new String[] {"admin-key", "set"}, Map.of("ENORI_DB_URL", url),
                new ByteArrayInputStream((KEY + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(KEY).doesNotContain(AdminKey.hash(KEY));
        assertThat(StdioMain.adminKeyMatches(Map.of("ENORI_ADMIN_KEY", KEY), url)).isTrue();
        assertThat(StdioMain.adminKeyMatches(Map.of("ENORI_ADMIN_KEY", KEY + "x"), url)).isFalse();
        assertThat(StdioMain.adminKeyMatches(Map.of(), url)).isFalse();
    }

    @Test
    void theHashMayComeFromTheEnvironment() {
        assertThat(StdioMain.adminKeyMatches(Map.of("ENORI_ADMIN_KEY", KEY, "ENORI_ADMIN_KEY_HASH",
                AdminKey.hash(KEY).toUpperCase()), url)).isTrue();
        assertThat(StdioMain.adminKeyMatches(Map.of("ENORI_ADMIN_KEY", "other-key-of-16-chars", "ENORI_ADMIN_KEY_HASH",
                AdminKey.hash(KEY)), url)).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = StdioMain.run(new String[] {"admin-key", "set"}, Map.of("ENORI_DB_URL", url, "ENORI_ADMIN_KEY", "short"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 16");
    }
}
