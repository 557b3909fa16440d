/** Identifier and package names as words: camelCase, PascalCase, snake_case, kebab-case, dots, slashes and digits. */

/** `requireAuth` → require, auth; `JWTAuth` → jwt, auth; `express-rate-limit` → express, rate, limit; `oauth2` → oauth, 2. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .replace(/([A-Za-z])([0-9])/gu, '$1 $2')
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Whether the words contain one of the phrases (runs of consecutive words). */
export function hasPhrase(words: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((phrase) => words.some((_, start) => phrase.every((word, offset) => words[start + offset] === word)));
}
