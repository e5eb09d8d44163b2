import { findProperty, CASE_TRANSFORMS, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { specOf } from './spec-index';

const SNAKE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

// CloudQuery's convention: a plugin's own spec parameters are snake_case (its Go json tags).
export const specSnakeCase: Rule = {
  id: 'cloudquery.spec-snake-case',
  kinds: ['cloudquery-spec'],
  check(context) {
    const diagnostics: EngineDiagnostic[] = [];
    for (const document of context.documents) {
      const inner = findProperty(specOf(document)?.spec, 'spec')?.value;
      if (inner?.type !== 'object') continue;
      for (const property of inner.properties) {
        if (SNAKE.test(property.key)) continue;
        const replacement = CASE_TRANSFORMS.snake_case(property.key);
        diagnostics.push({
          start: property.keyStart,
          end: property.keyEnd,
          severity: 'warning',
          code: 'cloudquery.spec-snake-case',
          message: `Spec parameters are snake_case in CloudQuery plugins: use "${replacement}" (and the plugin's json tag to match).`,
          data: { replace: replacement },
        });
      }
    }
    return diagnostics;
  },
};
