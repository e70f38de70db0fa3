// `--tools skills/support-desk/pack.ts` for `knack run` and `knack bench`: a fresh seeded desk per call.
import { defineTools, type ToolPack } from '../../sandbox/index.js';
import { createSupportDesk } from './create-support-desk.js';

/** A ToolPack over a freshly seeded in-memory support desk. */
export function createTools(): ToolPack {
  return defineTools(createSupportDesk().definitions);
}
