import * as os from 'node:os';
import * as path from 'node:path';
import type { LinkResolver } from './types';

// Resolvers several systems' link rows share.

/** Relative to the manifest's folder; `~/` is the home folder. */
export const relativePath: LinkResolver = (value, context) => [
  value.startsWith('~/') ? path.join(os.homedir(), value.slice(2)) : path.resolve(path.dirname(context.path), value),
];

/** Only an absolute (or `~/`) path is a file; anything else is resolved by the host some other way. */
export const absolutePathOnly: LinkResolver = (value, context) =>
  value.startsWith('~/') || path.isAbsolute(value) ? relativePath(value, context) : [];
