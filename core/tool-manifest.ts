import type { JsonSchema } from './json-schema.js';

/**
 * One whitelisted tool, shaped like an MCP `tools/list` entry so a manifest can be read
 * straight from an MCP server. Names may contain dots (`github.create_issue`).
 */
export interface ToolManifestEntry {
  name: string;
  description?: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
}
