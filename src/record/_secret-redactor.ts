import { isSecretLike } from '../../compiler/index.js';

/** Finds secrets as the compiler does and replaces them, wherever they occur, by `<secret-N>`. */
export interface SecretRedactor {
  /** Notes the secrets among a call's arguments: by key (`apiKey`, `password`…) or by shape (`sk-…`). */
  scanArgs(args: unknown, key?: string): void;
  /** Notes secret-shaped words of free text (a task, a note). */
  scanText(text: string): void;
  /** A deep copy of `value` with every noted secret replaced, inside longer strings too. */
  redact<T>(value: T): T;
  /** How many distinct secrets were noted. */
  readonly count: number;
}

const placeholderShape = /^<secret-\d+>$/;
const minInnerLength = 8;

/** A redactor whose placeholders start after `alreadyUsed` (the count a file already holds). */
export function createSecretRedactor(alreadyUsed = 0): SecretRedactor {
  const placeholders = new Map<string, string>();
  const note = (value: string): void => {
    if (placeholderShape.test(value) || placeholders.has(value)) return;
    placeholders.set(value, `<secret-${alreadyUsed + placeholders.size + 1}>`);
  };
  const scanArgs = (args: unknown, key?: string): void => {
    if (typeof args === 'string') {
      if (isSecretLike(key, args)) note(args);
    } else if (Array.isArray(args)) {
      for (const item of args) scanArgs(item, key);
    } else if (typeof args === 'object' && args !== null) {
      for (const [name, value] of Object.entries(args)) scanArgs(value, name);
    }
  };
  const replaceIn = (text: string): string => {
    const whole = placeholders.get(text);
    if (whole !== undefined) return whole;
    let result = text;
    // Longest first, so a secret that contains another is replaced whole. Short ones (a 4-letter
    // password) only as whole values: inside other text they would mangle ordinary words.
    const secrets = [...placeholders.keys()]
      .filter((secret) => secret.length >= minInnerLength)
      .sort((a, b) => b.length - a.length);
    for (const secret of secrets) result = result.split(secret).join(placeholders.get(secret) as string);
    return result;
  };
  const redact = <T>(value: T): T => {
    if (placeholders.size === 0) return structuredClone(value);
    return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
      typeof item === 'string' ? replaceIn(item) : item,
    ) as T;
  };
  return {
    scanArgs,
    scanText: (text) => {
      for (const word of text.split(/[\s"'`,;()[\]{}<>]+/)) if (isSecretLike(undefined, word)) note(word);
    },
    redact,
    get count() {
      return alreadyUsed + placeholders.size;
    },
  };
}
