/**
 * @module src/mcp: MCP servers as tool packs. A server's `tools/list` is the manifest and its
 * `tools/call` the binding; the MCP SDK loads on first use. Imports sandbox/ and core/ doors.
 */
export { createMcpToolPack } from './mcp-tool-pack.js';
export type { McpToolPack, CreateMcpToolPackOptions } from './mcp-tool-pack.js';
export { connectMcpToolPack } from './connect-mcp-tool-pack.js';
export type { ConnectMcpToolPackOptions } from './connect-mcp-tool-pack.js';
export { parseMcpServerSpec, formatMcpServerTarget } from './mcp-server-target.js';
export type { McpServerTarget, McpStdioServer, McpHttpServer } from './mcp-server-target.js';
