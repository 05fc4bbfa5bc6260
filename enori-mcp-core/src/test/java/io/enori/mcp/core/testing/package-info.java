/** Test fixtures shared across the core's domain packages: a clock tests move by hand, a switchable local site. */
package io.enori.mcp.core.testing;
