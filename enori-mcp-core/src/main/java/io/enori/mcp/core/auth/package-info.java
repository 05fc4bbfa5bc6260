/** API keys: issuing (plaintext shown once), hashing, revoking, and turning a presented key into a caller. */
package io.enori.mcp.core.auth;
