package io.enori.mcp.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.EnoriMcpException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class SqlRetryTest {

    private static ConnectionException failure(String sqlState) {
        return new ConnectionException(new SQLException("boom", sqlState));
    }

    @Test
    void serializationFailuresAndDeadlocksAreRetried() {
        AtomicInteger attempts = new AtomicInteger();
        String result = Sql.call("work", () -> {
            int n = attempts.incrementAndGet();
            if (n == 1) {
                throw failure("40001");
            }
            if (n == 2) {
                throw failure("40P01");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void retriesAreBounded() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Sql.call("work", () -> {
            attempts.incrementAndGet();
            throw failure("40001");
        })).isInstanceOf(EnoriMcpException.class).hasMessage("Storage could not work");
        assertThat(attempts).hasValue(Sql.MAX_ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Sql.call("work", () -> {
            attempts.incrementAndGet();
            throw failure(Sql.UNIQUE_VIOLATION);
        })).isInstanceOf(EnoriMcpException.class).hasMessageContaining("same key already exists");
        assertThat(attempts).hasValue(1);
    }
}
