import type { JsonSchema } from './json-schema.js';

/**
 * Hints about a tool's behaviour, mirroring MCP `ToolAnnotations`. They are hints from the tool's
 * author, not guarantees: a client must not rely on them for security decisions.
 */
export interface ToolAnnotations {
  /** A human-readable title for the tool. */
  title?: string;
  /** The tool does not modify its environment. @default false */
  readOnlyHint?: boolean;
  /** The tool may perform destructive updates (meaningful only when not read-only). @default true */
  destructiveHint?: boolean;
  /** Calling the tool again with the same arguments has no additional effect. @default false */
  idempotentHint?: boolean;
  /** The tool interacts with an open world of external entities. @default true */
  openWorldHint?: boolean;
}

/**
 * One whitelisted tool, shaped like an MCP `tools/list` entry so a manifest can be read
 * straight from an MCP server. Names may contain dots (`github.create_issue`).
 */
export interface ToolManifestEntry {
  name: string;
  description?: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
  /** MCP tool annotations (`readOnlyHint`, ...), when the server gives them. */
  annotations?: ToolAnnotations;
}
