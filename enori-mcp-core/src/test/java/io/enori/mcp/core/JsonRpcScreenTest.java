package io.enori.mcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.core.JsonRpcScreen.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRpcScreenTest {

    private static Verdict screen(String message) {
        return JsonRpcScreen.screen(message.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonRpcScreen.Verdict.Refused refused(String message) {
        Verdict verdict = screen(message);
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        return (Verdict.Refused) verdict;
    }

    @Test
    void wellFormedRequestsNotificationsAndResponsesPass() {
        assertThat(screen("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_monitors\","
                + "\"arguments\":{}}}")).isInstanceOf(Verdict.Accepted.class);
        assertThat(screen("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .isInstanceOf(Verdict.Accepted.class);
        assertThat(screen("{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"result\":{}}")).isInstanceOf(Verdict.Accepted.class);
        assertThat(screen("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))
                .isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void invalidJsonIsAParseErrorWithANullId() {
        Verdict.Refused refused = refused("{\"jsonrpc\":\"2.0\",\"id\":7,");
        assertThat(refused.code()).isEqualTo(-32700);
        assertThat(refused.response()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,"
                + "\"message\":\"Parse error: the message is not valid JSON\"}}");
        assertThat(refused("").reason()).isEqualTo("Parse error: the message is empty");
    }

    @Test
    void nestingBeyondTwoHundredLevelsIsRefusedBeforeAnyoneRecursesIntoIt() {
        Verdict.Refused refused = refused("[".repeat(5000) + "]".repeat(5000));
        assertThat(refused.code()).isEqualTo(-32700);
        assertThat(refused.reason()).isEqualTo("Parse error: nested deeper than 200 levels");
        assertThat(screen("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\","
                + "\"arguments\":{\"a\":" + "[".repeat(150) + "]".repeat(150) + "}}}"))
                .isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void paramsThatAreNotAnObjectAreInvalidParamsEchoingTheId() {
        Verdict.Refused refused = refused("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\",\"params\":\"x\"}");
        assertThat(refused.code()).isEqualTo(-32602);
        assertThat(refused.response()).contains("\"id\":6").contains("params must be an object");
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":3}}")
                .response()).contains("\"id\":\"a\"").contains("params.name (a string)");
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\","
                + "\"arguments\":[1]}}").reason()).contains("params.arguments (an object)");
    }

    @Test
    void messagesTheSdkCannotReadAreInvalidRequests() {
        Verdict.Refused noMethod = refused("{\"jsonrpc\":\"2.0\",\"id\":5}");
        assertThat(noMethod.code()).isEqualTo(-32600);
        assertThat(noMethod.response()).contains("\"id\":5");
        assertThat(refused("42").reason()).isEqualTo("Invalid Request: a message must be a JSON object");
        // An id that is neither a string nor an integer is not echoed back.
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"params\":1}").response()).contains("\"id\":null");
    }

    @Test
    void batchesAreRefusedAsMcpNoLongerHasThem() {
        Verdict.Refused refused = refused("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}]");
        assertThat(refused.code()).isEqualTo(-32600);
        assertThat(refused.reason()).contains("batches are not supported");
    }

    @Test
    void theAnswerToAnOverLongMessageNamesTheCap() {
        assertThat(JsonRpcScreen.tooLong(1024).response()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":"
                + "{\"code\":-32600,\"message\":\"Invalid Request: a message is limited to 1024 bytes\"}}");
    }
}
