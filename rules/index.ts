/** Every rule, by name. */
import middlewareOrder from './middleware-order.js';
import noCredentialsWithWildcard from './no-credentials-with-wildcard.js';
import noHardcodedOrigins from './no-hardcoded-origins.js';
import noUnsafeOriginPattern from './no-unsafe-origin-pattern.js';
import noWildcardOrigin from './no-wildcard-origin.js';
import requireExplicitHeaders from './require-explicit-headers.js';
import requireSseHeaders from './require-sse-headers.js';
import validOptions from './valid-options.js';

export const rules = {
  'middleware-order': middlewareOrder,
  'no-credentials-with-wildcard': noCredentialsWithWildcard,
  'no-hardcoded-origins': noHardcodedOrigins,
  'no-unsafe-origin-pattern': noUnsafeOriginPattern,
  'no-wildcard-origin': noWildcardOrigin,
  'require-explicit-headers': requireExplicitHeaders,
  'require-sse-headers': requireSseHeaders,
  'valid-options': validOptions,
};
