package io.enori.mcp.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a browser journey. Which fields are set depends on the kind: {@code navigate} has {@code url};
 * {@code click}, {@code assertVisible} have {@code selector}; {@code fill} has {@code selector} and
 * {@code value} (may reference a variable as <code>{{name}}</code>); {@code press} has {@code key};
 * {@code waitFor} has {@code selector} or {@code ms}; {@code assertText} has {@code text} and optionally
 * {@code selector}; {@code screenshot} has nothing. The core validates steps before storing them.
 */
public record BrowserStep(Kind kind, String selector, String url, String value, String key, String text, Integer ms) {

    /** Longest selector accepted. */
    public static final int MAX_SELECTOR = 500;
    /** Most steps one monitor may have. */
    public static final int MAX_STEPS = 25;
    /** Longest explicit wait. */
    public static final int MAX_WAIT_MS = 60_000;

    /** The step kinds; the wire name is camelCase ({@code assertText}). */
    public enum Kind {
        NAVIGATE("navigate"), CLICK("click"), FILL("fill"), PRESS("press"), WAIT_FOR("waitFor"),
        ASSERT_TEXT("assertText"), ASSERT_VISIBLE("assertVisible"), SCREENSHOT("screenshot");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Case-insensitive lookup by wire name ({@code waitfor} finds {@link #WAIT_FOR}). */
        public static Optional<Kind> parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("_", "");
            return Arrays.stream(values()).filter(k -> k.wireName.toLowerCase(Locale.ROOT).equals(t)).findFirst();
        }
    }

    public BrowserStep {
        Objects.requireNonNull(kind, "kind");
    }
}
