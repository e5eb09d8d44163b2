import type { Rule } from './rule';
import { backendConnection } from './cloudquery/backend-connection';
import { duplicateNames } from './cloudquery/duplicate-names';
import { githubRegistry } from './cloudquery/github-registry';
import { specReferences } from './cloudquery/spec-references';
import { syncGroupId } from './cloudquery/sync-group-id';
import { timePlaceholder } from './cloudquery/time-placeholder';

/** Every rule beyond the schemas; each applies to the kinds it names. */
export const ALL_RULES: readonly Rule[] = [
  timePlaceholder,
  specReferences,
  duplicateNames,
  backendConnection,
  syncGroupId,
  githubRegistry,
];
