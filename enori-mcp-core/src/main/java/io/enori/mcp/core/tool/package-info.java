/**
 * The tool framework shared by every domain package: argument parsing and validation from one declarative
 * {@link io.enori.mcp.core.tool.InputSpec} (which also yields the input JSON schema), output schemas derived
 * from result records, time ranges, cursors, and the invoker that enforces authentication, rate limits and
 * scopes in one place. Public only because domain packages use it; not part of the library's API.
 */
package io.enori.mcp.core.tool;
