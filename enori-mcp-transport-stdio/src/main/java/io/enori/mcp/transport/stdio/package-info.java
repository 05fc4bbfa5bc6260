/**
 * The stdio launcher: serves MCP on stdin/stdout for local agents (the caller is the key in
 * {@code ENORI_API_KEY}) and manages keys from the command line. stdout carries protocol messages only.
 */
package io.enori.mcp.transport.stdio;
