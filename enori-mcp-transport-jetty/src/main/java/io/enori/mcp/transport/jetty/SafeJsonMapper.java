package io.enori.mcp.transport.jetty;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;

/**
 * The SDK's servlet transports serialise an {@link McpError} itself into error bodies, which would send a Java
 * stack trace to the client. This mapper writes such an error as a plain JSON-RPC error object instead.
 */
final class SafeJsonMapper {
    private SafeJsonMapper() {
    }

    static McpJsonMapper create() {
        SimpleModule module = new SimpleModule("enori-safe-errors");
        module.addSerializer(McpError.class, new JsonSerializer<>() {
            @Override
            public void serialize(McpError error, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                McpSchema.JSONRPCResponse.JSONRPCError rpc = error.getJsonRpcError();
                gen.writeStartObject();
                gen.writeStringField("jsonrpc", "2.0");
                gen.writeNullField("id");
                gen.writeObjectFieldStart("error");
                gen.writeNumberField("code", rpc == null ? McpSchema.ErrorCodes.INTERNAL_ERROR : rpc.code());
                gen.writeStringField("message", rpc == null ? "Internal error" : rpc.message());
                gen.writeEndObject();
                gen.writeEndObject();
            }
        });
        return new JacksonMcpJsonMapper(new ObjectMapper().registerModule(module));
    }
}
