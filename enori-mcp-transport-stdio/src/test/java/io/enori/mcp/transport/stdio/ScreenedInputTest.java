package io.enori.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScreenedInputTest {
    private final ByteArrayOutputStream answered = new ByteArrayOutputStream();
    private final AtomicInteger ends = new AtomicInteger();

    private String passedOn(String stdin, int maxLineBytes) throws IOException {
        ScreenedInput screened = new ScreenedInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                answered, maxLineBytes, ends::incrementAndGet);
        return new String(screened.readAllBytes(), StandardCharsets.UTF_8);
    }

    private String answers() {
        return answered.toString(StandardCharsets.UTF_8);
    }

    @Test
    void goodLinesPassUnchangedAndBadOnesAreAnsweredInsteadOfEndingTheSession() throws IOException {
        String good1 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        String good2 = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        String passed = passedOn(good1 + "\nnot json\n{\"jsonrpc\":\"2.0\",\"id\":9}\r\n\n   \n" + good2, 1024);

        assertThat(passed).isEqualTo(good1 + "\n" + good2 + "\n");
        assertThat(answers().split("\n")).containsExactly(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: the message is"
                        + " not valid JSON\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: expected a "
                        + "JSON-RPC 2.0 request (method and id), notification (method) or response (id with result or "
                        + "error)\"}}");
    }

    @Test
    void aLineOverTheCapIsDroppedAndAnsweredAndTheNextLineStillPasses() throws IOException {
        String good = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        String passed = passedOn("{\"a\":\"" + "x".repeat(5000) + "\"}\n" + good + "\n", 1024);

        assertThat(passed).isEqualTo(good + "\n");
        assertThat(answers()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":"
                + "\"Invalid Request: a message is limited to 1024 bytes\"}}\n");
    }

    @Test
    void endOfInputWithoutANewlineStillPassesTheLastMessage() throws IOException {
        String good = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}";
        assertThat(passedOn(good, 1024)).isEqualTo(good + "\n");
        assertThat(answers()).isEmpty();
        assertThat(ends).as("the end of input is reported once").hasValue(1);
    }
}
