package io.enori.mcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        List<String> ran = new ArrayList<>();
        Housekeeping housekeeping = new Housekeeping(Duration.ofMinutes(10))
                .task("first", () -> {
                    ran.add("first");
                    throw new IllegalStateException("database gone");
                })
                .task("second", () -> {
                    ran.add("second");
                    return 3;
                });

        housekeeping.runOnce();
        housekeeping.runOnce();

        assertThat(ran).containsExactly("first", "second", "first", "second");
    }
}
