package io.enori.mcp.core.status;

import io.enori.mcp.api.StatusPage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A page's overall status and its summary line, from its components' verdicts. */
final class StatusViews {
    /** Summaries name at most this many components, then say how many more. */
    private static final int NAMED_IN_SUMMARY = 5;

    private StatusViews() {
    }

    record Overall(Health health, String summary, int notOperational) {
    }

    static Overall overall(StatusPage page, HealthSnapshot snapshot) {
        if (page.components().isEmpty()) {
            return new Overall(Health.PENDING, "No components yet; nothing to report.", 0);
        }
        Health worst = Health.OPERATIONAL;
        List<String> problems = new ArrayList<>();
        for (StatusPage.Component c : page.components()) {
            Health h = snapshot.of(c.monitorId()).health();
            worst = worst.worse(h);
            if (h != Health.OPERATIONAL) {
                problems.add(c.name() + ": " + h.words());
            }
        }
        if (problems.isEmpty()) {
            return new Overall(worst, "All " + page.components().size() + " components operational.", 0);
        }
        String named = problems.stream().limit(NAMED_IN_SUMMARY).collect(Collectors.joining("; "));
        String more = problems.size() > NAMED_IN_SUMMARY ? "; and " + (problems.size() - NAMED_IN_SUMMARY) + " more" : "";
        return new Overall(worst, problems.size() + " of " + page.components().size() + " components not operational ("
                + named + more + ").", problems.size());
    }
}
