/** get_overview (SPEC §6): the account at a glance, from a fixed number of queries. */
package io.enori.mcp.core.overview;
