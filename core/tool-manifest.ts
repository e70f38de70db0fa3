import type { JsonSchema } from './json-schema.js';

/**
 * Hints about a tool's behaviour, as an MCP server declares them (`ToolAnnotations`). Hints only:
 * a server may misstate them, so nothing relies on them for safety.
 */
export interface ToolAnnotations {
  /** A human-readable title of the tool. */
  title?: string;
  /** The tool does not change its environment. @default false */
  readOnlyHint?: boolean;
  /** The tool may destroy or overwrite data (meaningful when not read-only). @default true */
  destructiveHint?: boolean;
  /** Calling it again with the same arguments has no further effect. @default false */
  idempotentHint?: boolean;
  /** The tool reaches an open world (the web) rather than a closed domain. @default true */
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
  /** Behaviour hints from the tool's MCP listing, kept for readers and future policy. */
  annotations?: ToolAnnotations;
}
