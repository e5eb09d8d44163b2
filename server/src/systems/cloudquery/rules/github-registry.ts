import { findProperty, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { specOf } from './spec-index';

// CloudQuery logs "registry: github is deprecated & will be removed in future releases".
export const githubRegistry: Rule = {
  id: 'cloudquery.github-registry-deprecated',
  kinds: ['cloudquery-spec'],
  check(context) {
    const diagnostics: EngineDiagnostic[] = [];
    for (const document of context.documents) {
      const registry = findProperty(specOf(document)?.spec, 'registry');
      if (registry?.value.type !== 'scalar' || registry.value.value !== 'github') continue;
      diagnostics.push({
        start: registry.value.start,
        end: registry.value.end,
        severity: 'warning',
        code: 'cloudquery.github-registry-deprecated',
        message:
          'registry: github is deprecated and will be removed; use registry: cloudquery (the CloudQuery Hub) with path <team>/<plugin>.',
      });
    }
    return diagnostics;
  },
};
