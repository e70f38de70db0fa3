// Synthetic skills for the search bench's speed figures: variants of the 12 support-desk skills
// under new names, each with a few words of its own (drawn from a seeded made-up vocabulary of
// 3,000 letter-only words) in its description and an extra task, so 10,000 skills give the index
// a realistic spread of rare and common terms. Reproducible: the same seed gives the same library.
import type { PublishInput, SkillVersion } from '../src/store/index.js';

// mulberry32: a small seeded PRNG, so every run indexes the same words.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function vocabulary(random: () => number, size: number): string[] {
  const consonants = 'bcdfghjklmnprstvz';
  const vowels = 'aeiou';
  const pick = (letters: string): string => letters[Math.floor(random() * letters.length)] ?? 'a';
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(consonants) + pick(vowels);
    words.add(word);
  }
  return [...words];
}

/** `count` publishable variants of `bases`, named `<base>_<index>`. */
export function createSearchVariants(bases: readonly SkillVersion[], count: number): PublishInput[] {
  const random = seededRandom(15);
  const words = vocabulary(random, 3000);
  const some = (n: number): string =>
    Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  return Array.from({ length: count }, (_, index) => {
    const base = bases[index % bases.length];
    if (!base) throw new Error('createSearchVariants needs at least one base skill.');
    const name = `${base.name}_${index}`;
    return {
      name,
      description: `${base.description} ${some(3)}`,
      source: `${base.source}// variant ${index}\n`,
      bundle: base.bundle,
      inputSchema: base.inputSchema,
      outputSchema: base.outputSchema,
      permissions: [...base.permissions, `${some(1)}_${some(1)}`],
      imports: [],
      diagnostics: [],
      verification: base.verification,
      provenance: {
        ...base.provenance,
        tasks: [...(base.provenance.tasks ?? []), `${base.provenance.tasks?.[0] ?? ''} ${some(4)}`],
      },
      secretParameters: base.secretParameters,
    };
  });
}
