// The one tokenizer of the index and of queries: both sides must reduce words the same way, or a
// stored `refunded` never meets a query's `refund`.

// English function words and chat filler: they carry no task, and a match on them must not lift
// an unrelated request over the threshold. Task verbs (`thank`, `get`, `check`) stay.
const STOP_WORDS = new Set(
  (
    'a about above after again am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during few for from further had has have having he her here hers herself ' +
    'him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once ' +
    'or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when which ' +
    'while who whom why will with would you your yours yourself yourselves ' +
    'hi hello hey please pls thanks kindly dear ok okay yes also still want wants wanted need needs like ' +
    'somebody someone something anyone anything let lets us im ive id dont cant wont'
  ).split(' '),
);

// A light suffix stemmer (a few Porter rules): plural, past and -ing forms meet their base word,
// and a final `e` goes so `damage`/`damaged` and `make`/`making` share a stem.
function stemWord(word: string): string {
  if (word.length <= 3) return word;
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.endsWith('ation') && stem.length > 7) stem = stem.slice(0, -3);
  else if (stem.endsWith('ing') && stem.length > 5) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') && stem.length > 4) stem = stem.slice(0, -2);
  if (stem !== word && /([^aeiouls])\1$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.endsWith('e') && stem.length > 3) stem = stem.slice(0, -1);
  return stem;
}

/**
 * Splits text and identifiers into index terms: `snake_case`, `camelCase`, `dotted.names` and
 * `<placeholders>` become words; words are lower-cased, stop words and words with digits dropped,
 * the rest stemmed.
 */
export function searchTerms(text: string): string[] {
  const words = text
    // An email address or a URL names one case, like a number does.
    .replace(/\S+@\S+|\b[a-z]+:\/\/\S+/gi, ' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z\d]+/);
  const terms: string[] = [];
  for (const word of words) {
    // Numbers and ids (`8812`, `T-1002`) name one case, not the task; a new order number in a
    // request must not count as a word no skill knows.
    if (word.length < 2 || STOP_WORDS.has(word) || /\d/.test(word)) continue;
    terms.push(stemWord(word));
  }
  return terms;
}
