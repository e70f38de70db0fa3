import type { Trajectory } from '../import/index.js';

// What a request says, without how it was said: the namer and the describer read tasks through
// these, so a skill's name and description never carry a greeting, politeness or personal data.

const greeting =
  /^\s*(hi|hello|hey|howdy|greetings|good (morning|afternoon|evening)|dear \w+)(\s+there)?\b[\s,!.:;-]*/i;
const firstPersonRequest =
  /\b(i'?d like|i would like|i want|i need|i'?m looking|i am looking|looking to|can i|could i|could you|can you|would you|i wish|i'?m hoping)\b/i;
// Request phrasing before the verb: "I need to", "can you", "please".
const requestLead =
  /^\s*(i'?d like to|i would like to|i want to|i need to|i'?m looking to|i am looking to|looking to|i wish to|i'?m hoping to|can i|could i|may i|can you|could you|would you|will you|please|pls|kindly|just|so)\b[\s,]*/i;
const requestTail = /[\s,]*\b(please|for me|thanks|thank you)\s*$/i;
// A sentence that only says who the customer is ("my user id is ...", "it's ...").
const identitySentence = /^\s*(my (user )?(id|name|email|user id) is|it'?s|this is|i'?m)\b/i;
// A label and the personal value after it ("user id liam_oconnor_3390").
const labelledValue = /[\s,]*\b(my\s+)?(user id|user|email|name|id)\s+(is\s+)?[\w.+-]*[\d_@][\w.@+-]*/gi;

// Words that say how, not what: greetings, politeness, filler, request phrasing, data labels.
const fillerWords = new Set(
  (
    'a an the it its is are was were be to of on in for and or with from by this that my me i our your their ' +
    'please we you can could would should will just now which where what when who how still every each all ' +
    'tell give show let know some any wrote asking asked about her his them they she he one ' +
    'hi hello hey howdy there greetings dear good morning afternoon evening thanks kindly sir madam ' +
    'like want wanted need needs looking hoping help im id ive ll so also maybe quick user name number'
  ).split(' '),
);

/** True for a chat opening ("Hi, I'd like to ..."), as opposed to an instruction ("Refund order 8812"). */
export function isConversational(task: string): boolean {
  return greeting.test(task) || firstPersonRequest.test(task);
}

// Personal data has no place in a name: emails, numbers and ids, and names of people (a
// capitalised word inside a sentence, "Refund order 8819 for Edsger").
function withoutPersonalData(task: string): string {
  return task
    .replace(/<[^>]*>/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\S*\d\S*/g, ' ')
    .replace(/(?<![.!?]\s*|^\s*)\b[A-Z][a-z]+\b/g, ' ');
}

/** The words of a task that say what it is about, lower case, without filler or personal data. */
export function taskWords(task: string): string[] {
  return withoutPersonalData(task)
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/([a-z])-([a-z])/g, '$1$2') // "on-call" is one word
    .split(/[^a-z]+/)
    .filter((word) => word.length > 1 && !fillerWords.has(word));
}

function cleanSentence(sentence: string): string {
  let text = sentence.replace(greeting, '').replace(labelledValue, '');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/[\s.!?]+$/, '')
      .replace(requestLead, '')
      .replace(requestTail, '');
  }
  // Ids and emails that are no input of the skill (inputs are `<name>` placeholders by now).
  // A description speaks of the customer, not as them: "my flight" -> "the customer's flight".
  return text
    .replace(/\bmy\b/gi, "the customer's")
    .replace(/(^|\s)[^\s<>]*[\d_@][^\s<>]*(?=[\s,.!?]|$)/g, '$1')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:-]+|[\s,;:.!?-]+$/g, '');
}

/**
 * A chat opening as a request: "Hi, I need to cancel a reservation." -> "Cancel a reservation";
 * "hello, please cancel reservation <reservationId>. my user id is priya_nair_5518" ->
 * "Cancel reservation <reservationId>". Empty when nothing but greetings and personal data is left.
 */
export function cleanRequest(task: string): string {
  const sentences = task.split(/(?<=[.!?])\s+/);
  const kept = sentences
    .filter((sentence) => !identitySentence.test(sentence.replace(greeting, '')))
    .map(cleanSentence)
    .filter((sentence) => /[a-z]{3}/i.test(sentence));
  const first = kept[0] ?? '';
  return first.length === 0 ? '' : `${first[0]?.toUpperCase()}${first.slice(1)}`;
}

/** `cancelReservation`, `Cancel-Reservation` -> `cancel_reservation`. */
export function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The last successful call that may change something (a tool not known to be read-only). */
export function lastEffectTool(trajectory: Trajectory, readOnly: ReadonlySet<string>): string | undefined {
  const effects = trajectory.steps.filter((step) => step.error === undefined && !readOnly.has(step.tool));
  return effects[effects.length - 1]?.tool;
}

/** A tool as snake_case words without its namespace: `support.refund_order` -> `refund_order`. */
export function toolWords(tool: string): string {
  return snakeCase(tool.split('.').pop() ?? tool);
}

function thirdPerson(verb: string): string {
  if (/(s|x|z|ch|sh)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

// Verbs that make something new take "a": "books a reservation", but "cancels the reservation".
const creating = /^(book|create|add|send|open|make|issue|post|register|schedule|submit)$/;

/** What a call of `tool` does, in words: `cancel_reservation` -> `cancels the reservation`. */
export function effectPhrase(tool: string): string {
  const [verb = tool, ...object] = toolWords(tool).split('_');
  if (object.length === 0) return thirdPerson(verb);
  const article = creating.test(verb) && !/s$/.test(object[object.length - 1] ?? '') ? 'a' : 'the';
  return `${thirdPerson(verb)} ${article} ${object.join(' ')}`;
}
