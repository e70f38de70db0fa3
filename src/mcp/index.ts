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
export { connectMcpClient } from './connect-mcp-client.js';
export type { ConnectMcpClientOptions } from './connect-mcp-client.js';
// For `knack record`, which writes what a pack of the same server would call and receive.
export { toKnackToolName } from './_tool-names.js';
export { readCallToolResult } from './_call-result.js';
