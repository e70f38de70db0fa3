const secretKey =
  /(api[-_]?key|secret|passw(or)?d|passwd|token|credential|private[-_]?key|auth(orization)?$|bearer)/i;

const secretShapes: RegExp[] = [
  /^sk-[A-Za-z0-9_-]{16,}$/, // OpenAI-style keys
  /^sk-ant-[A-Za-z0-9_-]{16,}$/,
  /^gh[pousr]_[A-Za-z0-9]{20,}$/, // GitHub tokens
  /^xox[abprs]-[A-Za-z0-9-]{10,}$/, // Slack tokens
  /^AKIA[0-9A-Z]{16}$/, // AWS access key ids
  /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, // JWTs
  /^(Bearer|Basic)\s+\S{8,}$/,
  /^[A-Fa-f0-9]{32,}$/, // long hex keys
  /^<secret-\d+>$/, // what `knack record` writes in place of a secret it kept out of the file
];

/**
 * True when an argument looks like a secret, by its key (`apiKey`, `password`, `token`...) or by
 * the shape of its value (`sk-...`, `ghp_...`, JWTs, long hex). Such literals become parameters.
 */
export function isSecretLike(key: string | undefined, value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 4) return false;
  if (key !== undefined && secretKey.test(key)) return true;
  return secretShapes.some((shape) => shape.test(value));
}
