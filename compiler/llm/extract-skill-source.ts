/** The outcome of reading a model reply: the module source, or why there is none. */
export type ExtractSkillSourceResult = { ok: true; source: string } | { ok: false; reason: string };

interface CodeBlock {
  language: string;
  code: string;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm;
const CODE_LANGUAGES = new Set(['', 'ts', 'typescript', 'tsx', 'js', 'javascript', 'mts']);

function codeBlocks(text: string): CodeBlock[] {
  return [...text.matchAll(FENCE)].map((match) => ({
    language: (match[2] ?? '').toLowerCase(),
    code: (match[3] ?? '').replace(/\s+$/, ''),
  }));
}

const hasDefaultExport = (code: string): boolean => /^\s*export\s+default\b/m.test(code);
const hasMeta = (code: string): boolean => /^\s*export\s+const\s+meta\b/m.test(code);

// A skill module has `export default` and `meta`; among equals the later block wins (models revise).
function score(block: CodeBlock): number {
  if (!CODE_LANGUAGES.has(block.language)) return -1;
  return (
    (hasDefaultExport(block.code) ? 4 : 0) + (hasMeta(block.code) ? 2 : 0) + (block.language === '' ? 0 : 1)
  );
}

// No fences: the module starts at the first import/export line and ends at its last closing brace.
function unfenced(text: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\s*(import|export)\s/.test(line));
  if (start < 0) return undefined;
  let end = lines.length - 1;
  while (end > start && !/^\s*[}\])];?\s*$|;\s*$/.test(lines[end] ?? '')) end -= 1;
  return lines.slice(start, end + 1).join('\n');
}

/**
 * Finds the skill module in a model reply: fenced blocks (```ts, ```typescript, bare ```), prose
 * around them, several blocks (the one with `export default` and `meta` wins), or no fences at all.
 */
export function extractSkillSource(text: string): ExtractSkillSourceResult {
  const blocks = codeBlocks(text);
  const ranked = blocks
    .map((block, index) => ({ block, index, score: score(block) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || b.index - a.index);
  const best = ranked[0]?.block;
  const candidate = best?.code ?? (blocks.length === 0 ? unfenced(text) : undefined);
  if (candidate === undefined || candidate.trim() === '') {
    return {
      ok: false,
      reason: 'The reply contains no TypeScript code. Reply with the whole skill module in one ```ts block.',
    };
  }
  if (!hasDefaultExport(candidate)) {
    return {
      ok: false,
      reason:
        'The code in the reply has no `export default` skill function. Reply with the whole module, ' +
        'including `export const meta`, `Input`, `Output` and `export default async function`.',
    };
  }
  return { ok: true, source: `${candidate.trim()}\n` };
}
