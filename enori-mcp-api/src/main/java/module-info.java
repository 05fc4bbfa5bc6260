/** Public types of Enori MCP: domain records, the tool contract, scopes, errors and the SPIs. */
module io.enori.mcp.api {
    exports io.enori.mcp.api;
    exports io.enori.mcp.api.spi;
}
