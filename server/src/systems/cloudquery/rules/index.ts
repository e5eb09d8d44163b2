import type { Rule } from '../../rule';
import { cloudqueryDocsOverview } from '../project/docs-overview';
import { cloudqueryEnvCredentials } from '../project/env-credentials';
import { cloudqueryGitignoreBinary } from '../project/gitignore-binary';
import { cloudqueryHttpContext } from '../project/http-context';
import { cloudqueryTableNames } from '../project/table-names';
import { backendConnection } from './backend-connection';
import { duplicateNames } from './duplicate-names';
import { emptySection } from './empty-section';
import { githubRegistry } from './github-registry';
import { pluginSpecSchema } from './plugin-spec-schema';
import { specReferences } from './spec-references';
import { specSnakeCase } from './spec-snake-case';
import { syncGroupId } from './sync-group-id';
import { timePlaceholder } from './time-placeholder';

export const CLOUDQUERY_RULES: readonly Rule[] = [
  emptySection,
  timePlaceholder,
  specReferences,
  duplicateNames,
  backendConnection,
  syncGroupId,
  githubRegistry,
  pluginSpecSchema,
  specSnakeCase,
  cloudqueryTableNames,
  cloudqueryDocsOverview,
  cloudqueryGitignoreBinary,
  cloudqueryEnvCredentials,
  cloudqueryHttpContext,
];
