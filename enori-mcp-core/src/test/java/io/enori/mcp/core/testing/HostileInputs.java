package io.enori.mcp.core.testing;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Malformed and hostile MCP messages for the fuzz tests of every transport (FuzzIT over HTTP, StdioFuzzIT over the
 * stdio jar): invalid JSON, wrong JSON-RPC shapes, deep nesting, huge strings, unicode edge cases, SQL
 * metacharacters, wrong argument types and another account's ids. Everything is drawn from a {@link Random}, so a
 * seed replays a run.
 */
public final class HostileInputs {
    /** What no answer may contain: stack traces, exception class names, SQL errors. */
    public static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\bat (io|java|org|com)\\.|org\\.h2|org\\.postgresql|org\\.jdbi|SQLState|SQL statement"
                    + "|JdbcSQL|Caused by|NullPointer|ClassCast|IllegalState|IllegalArgument");
    /** Writes every non-ASCII character as a \\u escape, so lone surrogates reach the server as such. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String[] HOSTILE = {
        "' OR '1'='1", "'; DROP TABLE monitors; --", "\" OR 1=1 --", "%", "_%", "\\", "\\'", "$1", "?", ":name",
        "1; SELECT * FROM api_keys", "mon_' OR 1=1 --", "inc_%", "') UNION SELECT secret FROM api_keys --", "/*", "*/",
        "\u0000", "a\u0000b", "\uD800", "\uDC00x", "x\uDBFF", "\u202Eevil\u202C", "\u200F\u05E9\u05DC\u05D5\u05DD",
        "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uFEFF", "e\u0301\u0301\u0301", "\uFFFF",
        "\uFFFE", "\r\n\r\n", "\t", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd",
        "http://127.0.0.1:9/'--", "javascript:alert(1)", "null", "undefined", "NaN", "-1", "1e309", "0x10", "",
        " ", "mon_", "mon_00000000000000000000000000", "slo_", "ｍｏｎ＿１", "%00", "%27", "\\u0000",
    };

    private final List<JsonNode> tools;
    private final List<String> otherIds;

    /**
     * @param tools    the tools to call (from tools/list), each with its input schema
     * @param otherIds ids that belong to another account, used as arguments to probe for cross-account access
     */
    public HostileInputs(List<JsonNode> tools, List<String> otherIds) {
        this.tools = List.copyOf(tools);
        this.otherIds = List.copyOf(otherIds);
    }

    /** A tools/call of a random tool with arguments drawn from its schema, non-ASCII written as escapes. */
    public String toolCall(Random random) {
        JsonNode tool = tools.get(random.nextInt(tools.size()));
        try {
            return ESCAPING.writeValueAsString(ESCAPING.readTree(call(tool.path("name").asText(),
                    arguments(tool.path("inputSchema"), random), random)));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tools/call of a random tool whose {@code name} argument is {@code size} characters long. */
    public String hugeString(Random random, int size) {
        JsonNode tool = tools.get(random.nextInt(tools.size()));
        return call(tool.path("name").asText(), NODES.objectNode().put("name", "x".repeat(size)), random);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String call(String tool, JsonNode arguments, Random random) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0").put("id", random.nextInt(1_000_000))
                .put("method", "tools/call");
        message.putObject("params").put("name", tool).set("arguments", arguments);
        return message.toString();
    }

    /** Bytes that are not a JSON-RPC message at all: cut, random, broken or doubled JSON, invalid UTF-8. */
    public byte[] invalidJson(Random random) {
        String valid = call(tools.get(random.nextInt(tools.size())).path("name").asText(), NODES.objectNode(), random);
        switch (random.nextInt(6)) {
            case 0:
                return utf8(valid.substring(0, random.nextInt(valid.length())));
            case 1: {
                byte[] bytes = new byte[1 + random.nextInt(300)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 2:
                return utf8(valid.replace(":", random.nextBoolean() ? "=" : ":,"));
            case 3:
                return utf8(new String[] {"", "{", "[", "nul", "tru", "\"", "{\"jsonrpc\":", "{'a':1}", "{a:1}",
                    "{\"id\":1,}", "[1,]", "NaN", "--", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}}"}
                        [random.nextInt(14)]);
            case 4: {
                byte[] bytes = utf8(valid);
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // invalid UTF-8
                return bytes;
            }
            default:
                return utf8(valid + valid);
        }
    }

    /** Valid JSON in a wrong JSON-RPC shape: bad versions, ids, methods, params, batches, stray responses. */
    public String wrongShape(Random random) {
        ObjectNode m = NODES.objectNode();
        switch (random.nextInt(14)) {
            case 0:
                return m.put("jsonrpc", "1.0").put("id", 1).put("method", "tools/list").toString();
            case 1:
                m.put("jsonrpc", "2.0").set("id", random.nextBoolean() ? NODES.objectNode().put("a", 1)
                        : NODES.arrayNode().add(1));
                return m.put("method", "tools/list").toString();
            case 2:
                return m.put("jsonrpc", "2.0").put("id", 1).put("method", random.nextInt()).toString();
            case 3:
                return m.put("jsonrpc", "2.0").put("id", 1).toString();
            case 4:
                m.put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call").set("params", hostileValue(random));
                return m.toString();
            case 5:
                m.put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call").putObject("params")
                        .set("name", hostileValue(random));
                return m.toString();
            case 6:
                return m.put("jsonrpc", "2.0").put("id", 1).put("method", HOSTILE[random.nextInt(HOSTILE.length)])
                        .toString();
            case 7: {
                ArrayNode batch = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    batch.add(NODES.objectNode().put("jsonrpc", "2.0").put("id", i).put("method", "tools/list"));
                }
                return batch.toString();
            }
            case 8:
                return random.nextBoolean() ? "[1,2,3]" : random.nextBoolean() ? "42" : "\"tools/list\"";
            case 9:
                return m.put("jsonrpc", "2.0").put("id", Long.MAX_VALUE).put("method", "tools/list")
                        .put("params", "x").toString();
            case 10:
                m.put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call").putObject("params")
                        .put("name", "list_monitors").set("arguments", hostileValue(random));
                return m.toString();
            case 11:
                return m.put("jsonrpc", "2.0").put("id", 1).put("result", "x").toString();
            case 12:
                return m.put("jsonrpc", "2.0").put("method", random.nextBoolean() ? "notifications/cancelled"
                        : "notifications/" + HOSTILE[random.nextInt(HOSTILE.length)]).toString();
            default:
                m.put("jsonrpc", "2.0").put("id", 1.5).put("method", "resources/read").putObject("params")
                        .put("uri", HOSTILE[random.nextInt(HOSTILE.length)]);
                return m.toString();
        }
    }

    /** Arrays or objects nested hundreds to 10 000 levels deep, alone or as a tool argument. */
    public String deepNesting(Random random) {
        int depth = random.nextBoolean() ? 10_000 : 500 + random.nextInt(2000);
        String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        if (random.nextBoolean()) {
            return nested;
        }
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_monitors\","
                + "\"arguments\":{\"name\":" + nested + "}}}";
    }

    /** Arguments for a tool drawn from its input schema: each property omitted, plausible, hostile or mistyped. */
    private JsonNode arguments(JsonNode schema, Random random) {
        ObjectNode args = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            int choice = random.nextInt(10);
            if (choice < 2) {
                continue;
            }
            boolean id = name.endsWith("Id") || name.endsWith("Ids") || name.equals("id");
            if (id && choice < 5) {
                String other = otherIds.get(random.nextInt(otherIds.size()));
                args.set(name, name.endsWith("Ids") ? NODES.arrayNode().add(other) : NODES.textNode(other));
            } else if (choice < 6) {
                args.set(name, plausible(property.getValue(), random));
            } else {
                args.set(name, hostileValue(random));
            }
        }
        if (random.nextInt(5) == 0) {
            args.set(HOSTILE[random.nextInt(HOSTILE.length)], hostileValue(random));
        }
        return args;
    }

    private JsonNode plausible(JsonNode schema, Random random) {
        JsonNode values = schema.path("enum");
        if (values.isArray() && values.size() > 0) {
            return values.get(random.nextInt(values.size()));
        }
        switch (schema.path("type").asText()) {
            case "integer":
                return NODES.numberNode(random.nextInt(3) == 0 ? random.nextInt() : random.nextInt(100));
            case "number":
                return NODES.numberNode(random.nextDouble() * 200 - 50);
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "array":
                return NODES.arrayNode().add(plausible(schema.path("items"), random));
            case "object":
                return NODES.objectNode();
            default:
                return NODES.textNode(HOSTILE[random.nextInt(HOSTILE.length)]);
        }
    }

    private JsonNode hostileValue(Random random) {
        switch (random.nextInt(12)) {
            case 0:
                return NODES.numberNode(random.nextLong());
            case 1:
                return NODES.numberNode(random.nextBoolean() ? Double.MAX_VALUE : -0.0);
            case 2:
                return NODES.booleanNode(random.nextBoolean());
            case 3:
                return NODES.nullNode();
            case 4:
                return NODES.arrayNode().add(HOSTILE[random.nextInt(HOSTILE.length)]).add(random.nextInt());
            case 5:
                return NODES.objectNode().put("$gt", "").put("id", HOSTILE[random.nextInt(HOSTILE.length)]);
            case 6:
                return NODES.textNode("x".repeat(1 + random.nextInt(20_000)));
            case 7:
                return NODES.numberNode(new java.math.BigInteger(200, random));
            default:
                return NODES.textNode(HOSTILE[random.nextInt(HOSTILE.length)]
                        + (random.nextBoolean() ? HOSTILE[random.nextInt(HOSTILE.length)] : ""));
        }
    }

}
