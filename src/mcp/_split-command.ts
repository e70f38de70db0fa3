import { KnackError } from '../../core/index.js';

/**
 * Splits a command line into words the way a POSIX shell quotes them, without expanding anything:
 * `'...'` keeps its text as is, `"..."` honours `\"` and `\\`, a backslash outside quotes escapes
 * the next character. `--tools mcp+stdio:"..."` carries a whole command in one argument.
 * @throws KnackError `INVALID_ARGUMENT` on an unterminated quote.
 */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let hasWord = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && (text[index + 1] === '"' || text[index + 1] === '\\')) word += text[++index];
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      hasWord = true;
    } else if (char === '\\' && index + 1 < text.length) {
      word += text[++index];
      hasWord = true;
    } else if (/\s/.test(char)) {
      if (hasWord) words.push(word);
      word = '';
      hasWord = false;
    } else {
      word += char;
      hasWord = true;
    }
  }
  if (quote) {
    throw new KnackError('INVALID_ARGUMENT', `Unterminated ${quote} quote in \`${text}\`; close it.`);
  }
  if (hasWord) words.push(word);
  return words;
}
