/** A small seeded PRNG (mulberry32) so that every generated file is the same on every machine and every run. */

/** A random source seeded from any number of integers or strings. */
export function rng(...seeds) {
  let state = 0x9e3779b9;
  for (const seed of seeds) {
    const text = String(seed);
    for (let index = 0; index < text.length; index++) state = Math.imul(state ^ text.charCodeAt(index), 0x85ebca6b) >>> 0;
    state = (state ^ (state >>> 13)) >>> 0;
  }
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    /** A log-normally distributed size around `median` (source file sizes are roughly log-normal). */
    logNormal: (median, sigma) => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      return median * Math.exp(sigma * normal);
    },
  };
}
