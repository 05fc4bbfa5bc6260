/**
 * Browser monitors: the seven browser tools, step validation, billing of paid browser monitors, the built-in
 * and sampling step generators, and the runs the scheduler makes through a
 * {@link io.enori.mcp.api.spi.BrowserCheckExecutor}.
 */
package io.enori.mcp.core.browser;
