/**
 * Which environment variable each policy's allowlist reads. Policies that serve the same audience (the same origins,
 * or all open to every origin) share one; policies that serve different audiences — an admin router with its own list
 * next to a public API — get one each, so that no allowlist is merged into another. The main one is `CORS_ORIGINS`
 * (or `--env-var`); the others are named from the mount path, the router's name or the file, or keep the variable the
 * policy already read, unless `--env-var <name>=<VARIABLE>` names them.
 */
import { basename } from 'node:path';
import { nameWords } from '../model/name-words.js';

/** What a policy tells about its audience and its name. */
export interface AudienceFacts {
  /** The origins the policy spells out (serialised), which move to its variable. */
  origins: readonly string[];
  /** Environment variables its origin already reads (`process.env.ADMIN_ORIGINS`). */
  readsVariables: readonly string[];
  /** It lets every origin in (`*`, reflection) without listing any. */
  open: boolean;
  /** Where it is mounted (`/admin`), the receiver it is registered on (`adminRouter`), its file. */
  mountPath: string | null;
  receiver: string | null;
  file: string;
  /** Policies with the same cluster (registered on the same app or router) serve one audience whatever they list. */
  cluster: string;
}

/** Words that name the kind of thing, not the audience. */
const GENERIC = new Set(['app', 'api', 'apis', 'router', 'routes', 'route', 'routers', 'server', 'index', 'main', 'cors', 'config', 'options', 'opts', 'v1', 'v2', 'v3', 'src', 'lib', 'http', 'middleware']);

/**
 * The variable of each policy (by index). `primary` is the main variable; `named` maps a name the report shows
 * (`admin`) to the variable the user chose for it.
 */
export function assignVariables(policies: readonly AudienceFacts[], primary: string, named: ReadonlyMap<string, string>): string[] {
  // One app or router is one audience: its policies (an app-wide one and a preflight route, say) pool what they show.
  const clusters = new Map<string, number[]>();
  policies.forEach((policy, index) => clusters.set(policy.cluster, [...(clusters.get(policy.cluster) ?? []), index]));
  const groups = new Map<string, number[]>();
  for (const members of clusters.values()) {
    const origins = [...new Set(members.flatMap((index) => policies[index]?.origins ?? []))].sort();
    const variables = members.flatMap((index) => policies[index]?.readsVariables ?? []);
    const key = origins.length > 0 ? `origins:${origins.join(',')}` : variables.length > 0 ? `env:${variables[0]}` : 'open';
    groups.set(key, [...(groups.get(key) ?? []), ...members]);
  }
  const result: string[] = new Array<string>(policies.length).fill(primary);
  if (groups.size <= 1) return result;
  // The main variable goes to the audience of the app itself: an open policy, or one registered at the root.
  const entries = [...groups.entries()];
  const rootScore = ([key, members]: [string, number[]]): number =>
    (key === 'open' ? 4 : 0) + (members.some((index) => policies[index]?.mountPath === null && isRootReceiver(policies[index]?.receiver ?? null)) ? 2 : 0) + members.length / 1000;
  entries.sort((a, b) => rootScore(b) - rootScore(a));
  const used = new Set<string>([primary]);
  entries.forEach(([key, members], order) => {
    let variable = primary;
    if (order > 0) {
      const first = policies[members[0] as number] as AudienceFacts;
      const name = audienceName(first);
      const chosen = named.get(name) ?? (key.startsWith('env:') ? key.slice(4) : `${name.toUpperCase()}_${primary}`);
      variable = chosen;
      for (let suffix = 2; used.has(variable); suffix += 1) variable = `${chosen}_${suffix}`;
    }
    used.add(variable);
    for (const index of members) result[index] = variable;
  });
  return result;
}

/** The word the report and `--env-var <name>=…` use for a policy's audience: `admin` for `/admin`, `adminRouter`, `admin.ts`. */
export function audienceName(policy: AudienceFacts): string {
  const candidates = [
    policy.mountPath?.split('/').find((segment) => segment !== '' && !segment.startsWith(':') && !segment.includes('*')) ?? '',
    policy.receiver ?? '',
    basename(policy.file).replace(/\.[^.]+$/u, ''),
  ];
  for (const candidate of candidates) {
    const words = nameWords(candidate).filter((word) => !GENERIC.has(word) && !/^\d+$/u.test(word));
    if (words.length > 0) return words.join('_');
  }
  return 'secondary';
}

function isRootReceiver(receiver: string | null): boolean {
  return receiver === null || !nameWords(receiver).some((word) => word === 'router' || word === 'routes');
}
