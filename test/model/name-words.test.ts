/** Names split into words the way middleware-order reads them. */
import { describe, expect, it } from 'vitest';
import { AUTH_OR_LIMIT_NAMES } from '../../src/frameworks/index.js';
import { hasPhrase, nameWords } from '../../src/model/name-words.js';

describe('nameWords', () => {
  it.each([
    ['requireAuth', ['require', 'auth']],
    ['JWTAuth', ['jwt', 'auth']],
    ['rate_limiter', ['rate', 'limiter']],
    ['express-rate-limit', ['express', 'rate', 'limit']],
    ['@fastify/jwt', ['fastify', 'jwt']],
    ['checkOAuth2', ['check', 'o', 'auth', '2']],
    ['authorsRouter', ['authors', 'router']],
  ])('%s', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('auth and limit names by word', () => {
  const isAuth = (name: string): boolean => hasPhrase(nameWords(name), AUTH_OR_LIMIT_NAMES);
  it.each(['requireAuth', 'authenticate', 'jwtCheck', 'apiLimiter', 'rateLimit', 'ratelimit', 'throttle', 'slowDown', 'express-slow-down', 'bearerAuth', 'isAuthenticated'])(
    '%s is auth or limit middleware',
    (name) => {
      expect(isAuth(name)).toBe(true);
    },
  );
  it.each(['authorPages', 'authorsRouter', 'limitedOffers', 'coauthors', 'slowLane', 'shutDown', 'unlimitedPlans'])('%s is not', (name) => {
    expect(isAuth(name)).toBe(false);
  });
});
