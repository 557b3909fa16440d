/** Next.js `headers()` in `next.config.*`: each entry that sets `Access-Control-Allow-Origin` is a policy. */
import { defineFramework } from './define-framework.js';
import { rawHeaders } from './raw-headers.js';

/** Only files with these names are Next.js configuration. */
export const NEXT_CONFIG_FILE = /(?:^|[\\/])next\.config\.(?:js|mjs|cjs|ts|mts)$/u;

export const nextConfig = defineFramework({
  ...rawHeaders,
  id: 'next-config',
  label: 'next.config headers()',
  registrations: [{ kind: 'next-config-headers' }],
  docs: 'https://nextjs.org/docs/app/api-reference/config/next-config-js/headers',
});
