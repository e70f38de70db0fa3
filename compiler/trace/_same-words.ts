/**
 * How the words a customer types are matched against recorded values: case, `_`, `-` and runs of
 * spaces do not count, so `Gift card`, `gift-card` and `gift_card` name the same thing. Anything
 * else (letters, digits, order) must agree; an empty string names nothing.
 */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** True when `value` and `words` are strings that read as the same words (`normalizeWords`). */
export function isSameWords(value: unknown, words: unknown): boolean {
  if (typeof value !== 'string' || typeof words !== 'string') return false;
  const normalized = normalizeWords(words);
  return normalized.length > 0 && normalizeWords(value) === normalized;
}

/** The name of the helper a skill module declares when a selection rule compares words. */
export const SAME_WORDS_HELPER = 'sameWords';

/** The helper's source, appended to a skill module that calls it (kept equal to `isSameWords`). */
export const SAME_WORDS_SOURCE: string = [
  '',
  '// What a customer typed names a recorded value when the words agree: case, `_`, `-` and',
  '// spaces do not count (`Gift card` names `gift_card`).',
  `function ${SAME_WORDS_HELPER}(value: unknown, words: unknown): boolean {`,
  "  const normalize = (text: string): string => text.toLowerCase().replace(/[\\s_-]+/g, ' ').trim();",
  "  if (typeof value !== 'string' || typeof words !== 'string') return false;",
  '  return normalize(words).length > 0 && normalize(value) === normalize(words);',
  '}',
  '',
].join('\n');
