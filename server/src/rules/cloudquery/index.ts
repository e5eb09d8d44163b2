import type { Rule } from '../rule';
import { backendConnection } from './backend-connection';
import { duplicateNames } from './duplicate-names';
import { githubRegistry } from './github-registry';
import { specReferences } from './spec-references';
import { syncGroupId } from './sync-group-id';
import { timePlaceholder } from './time-placeholder';

export const CLOUDQUERY_RULES: readonly Rule[] = [timePlaceholder, specReferences, duplicateNames, backendConnection, syncGroupId, githubRegistry];
