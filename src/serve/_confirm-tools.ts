import { KnackError, type ToolManifestEntry } from '../../core/index.js';
import { bindTools, type ToolHandler, type ToolPack } from '../../sandbox/index.js';
import { isDestructiveTool } from './_tool-effects.js';

/** Asks the person behind the client whether one tool call may happen; true allows it. */
export type ConfirmToolCall = (request: {
  ref: string;
  tool: ToolManifestEntry;
  args: unknown;
  signal: AbortSignal;
}) => Promise<boolean>;

/**
 * Wraps the destructive tools of `tools` on the host side: each call first asks `confirm`, and a
 * refusal throws KnackError `DECLINED`, which ends the run with that code (the isolate only
 * ever sees the tool's answer, never this function).
 */
export function confirmDestructiveTools(tools: ToolPack, ref: string, confirm: ConfirmToolCall): ToolPack {
  const handlers: Record<string, ToolHandler> = {};
  for (const entry of tools.manifest) {
    const handler = tools.handlers.get(entry.name) as ToolHandler;
    handlers[entry.name] = isDestructiveTool(entry)
      ? async (args, context) => {
          const isAllowed = await confirm({ ref, tool: entry, args, signal: context.signal });
          if (!isAllowed) throw new KnackError('DECLINED', `the user did not allow \`${entry.name}\`.`);
          return handler(args, context);
        }
      : handler;
  }
  return bindTools(tools.manifest, handlers);
}
