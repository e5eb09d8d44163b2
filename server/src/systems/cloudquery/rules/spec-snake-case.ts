import {
  findProperty,
  CASE_TRANSFORMS,
  treeFact,
  treeFacts,
  type EngineDiagnostic,
  type PropertyNode,
  type ValueNode,
} from '../../../core';
import { documentRule } from '../../rule';
import { specOf } from './spec-index';

const SNAKE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

// CloudQuery's convention: a plugin's own spec parameters are snake_case (its Go json tags).
export const specSnakeCase = documentRule('cloudquery.spec-snake-case', ['cloudquery-spec'], {
  check(document) {
    const diagnostics: EngineDiagnostic[] = [];
    for (const property of document.root ? treeFact(NOT_SNAKE, document.root, notSnake) : []) {
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
    return diagnostics;
  },
});

/** The plugin spec's keys that are not snake_case, kept per section tree (see treeFact). */
const NOT_SNAKE = treeFacts<PropertyNode[]>();

function notSnake(root: ValueNode): PropertyNode[] {
  const inner = findProperty(specOf({ root, start: 0, end: 0, broken: false })?.spec, 'spec')?.value;
  return inner?.type === 'object' ? inner.properties.filter((property) => !SNAKE.test(property.key)) : [];
}
