/** Test fixtures shared across the core's domain packages: a clock tests move by hand, a switchable local site, a local RDAP server. */
package io.enori.mcp.core.testing;
