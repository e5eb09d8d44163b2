import { findProperty } from '../../../core';
import { documentRule } from '../../rule';
import { specOf } from './spec-index';

// CloudQuery logs "registry: github is deprecated & will be removed in future releases".
export const githubRegistry = documentRule('cloudquery.github-registry-deprecated', ['cloudquery-spec'], {
  check(document) {
    const registry = findProperty(specOf(document)?.spec, 'registry');
    if (registry?.value.type !== 'scalar' || registry.value.value !== 'github') return [];
    return [
      {
        start: registry.value.start,
        end: registry.value.end,
        severity: 'warning',
        code: 'cloudquery.github-registry-deprecated',
        message:
          'registry: github is deprecated and will be removed; use registry: cloudquery (the CloudQuery Hub) with path <team>/<plugin>.',
      },
    ];
  },
});
