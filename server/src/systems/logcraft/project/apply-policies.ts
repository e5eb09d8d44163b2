import * as path from 'node:path';
import {
  findProperty,
  readToml,
  readYaml,
  stringValue,
  toValue,
  type EngineDiagnostic,
  type FileAccess,
  type ObjectNode,
  type ValueNode,
} from '../../../core';
import type { Rule } from '../../rule';
import { policyRegex, readPolicy, type Policy } from './policy';

/** lgc reads policies from .logcraft/policies/<plugin>/ below the project (configuration.rs LGC_POLICIES_DIR). */
export const POLICIES_DIR = path.join('.logcraft', 'policies');

/** The project (folder of lgc.toml) and the plugin folder a detection belongs to. */
export function detectionPlace(file: string, files: FileAccess): { project: string; plugin: string } | undefined {
  let dir = path.dirname(file);
  for (let depth = 0; depth < 8; depth++) {
    const text = files.readText(path.join(dir, 'lgc.toml'));
    if (text !== undefined) {
      const core = findProperty(readToml(text).documents[0]?.root, 'core')?.value;
      const workspace = stringValue(findProperty(core, 'workspace')?.value) ?? 'rules';
      const relative = path.relative(path.resolve(dir, workspace), file).split(path.sep);
      if (relative.length !== 2 || relative[0] === '..') return undefined;
      return { project: dir, plugin: relative[0] };
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** helpers.rs parse_field: a JSON pointer, or dot-separated. */
export function fieldParts(field: string): string[] {
  return field.startsWith('/') ? field.replace(/^\/+/, '').split('/') : field.split('.');
}

/** The default messages of policy.rs. */
export function policyMessage(policy: Policy): string {
  if (policy.message) return policy.message.split('${fieldName}').join(policy.field);
  const must = policy.severity === 'error';
  switch (policy.check) {
    case 'existence':
      return `field '${policy.field}' ${must ? 'must' : 'should'} be present`;
    case 'absence':
      return `field '${policy.field}' ${must ? 'must not' : "shouldn't"} be present`;
    case 'constraint':
      return `field '${policy.field}' doesn't respect constraint`;
    case 'pattern':
      return `field '${policy.field}' doesn't match pattern`;
  }
}

/** Does the detection pass the policy, as the JSON schema of schema.rs decides? */
export function passes(policy: Policy, detection: unknown): boolean {
  const parts = fieldParts(policy.field);
  let value: unknown = detection;
  let present = true;
  for (const part of parts) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || !(part in (value as object))) {
      present = false;
      break;
    }
    value = (value as Record<string, unknown>)[part];
  }
  if (policy.check === 'absence') return !present;
  if (!present) return false;
  if (policy.check === 'existence') return true;
  if (typeof value !== 'string') return false;
  if (policy.check === 'pattern')
    return policy.regex === undefined ? false : policyRegex(policy.regex, policy.ignorecase === true).test(value);
  const limits = policy.validations ?? {};
  const length = [...value].length;
  if (limits.minLength !== undefined && length < limits.minLength) return false;
  if (limits.maxLength !== undefined && length > limits.maxLength) return false;
  if (limits.values) {
    if (policy.ignorecase) return policyRegex(`^(${limits.values.join('|')})$`, true).test(value);
    return limits.values.includes(value);
  }
  return true;
}

/** Where to show a failed policy: the field, else the deepest part of its path the detection has. */
function anchor(root: ValueNode, policy: Policy): { start: number; end: number } {
  let node: ValueNode = root;
  let span = { start: root.start, end: root.start };
  for (const part of fieldParts(policy.field)) {
    const property = findProperty(node, part);
    if (!property) break;
    span = { start: property.keyStart, end: property.keyEnd };
    node = property.value;
  }
  if (span.start === root.start && root.type === 'object' && (root as ObjectNode).properties[0]) {
    const first = (root as ObjectNode).properties[0];
    span = { start: first.keyStart, end: first.keyEnd };
  }
  return span;
}

/**
 * `lgc validate` applies every policy of .logcraft/policies/<plugin>/ to each detection of the
 * plugin's folder and reports the policy's message with its severity (apps/lgc/src/commands/validate.rs).
 */
export const applyPolicies: Rule = {
  id: 'logcraft.policy',
  kinds: ['logcraft-detection'],
  check(context) {
    const root = context.documents[0]?.root;
    const place = detectionPlace(context.path, context.files);
    if (!root || !place) return [];
    const folder = path.join(place.project, POLICIES_DIR, place.plugin);
    const detection = toValue(root);
    const diagnostics: EngineDiagnostic[] = [];
    for (const name of context.files.list(folder)) {
      if (!/\.ya?ml$/.test(name)) continue;
      const text = context.files.readText(path.join(folder, name));
      if (text === undefined) continue;
      const parsed = readYaml(text, { version: '1.2' });
      const policy = readPolicy(parsed.documents[0]?.root);
      // A policy that does not decode is reported on the policy file itself.
      if (
        !policy ||
        (policy.check === 'pattern' && policy.regex === undefined) ||
        (policy.check === 'constraint' && !policy.validations)
      )
        continue;
      let ok: boolean;
      try {
        ok = passes(policy, detection);
      } catch {
        continue; // a regex that does not compile: reported on the policy
      }
      if (ok) continue;
      diagnostics.push({
        ...anchor(root, policy),
        severity: policy.severity,
        code: 'logcraft.policy',
        message: `${policyMessage(policy)} (policy: ${path.join(POLICIES_DIR, place.plugin, name)})`,
      });
    }
    return diagnostics;
  },
};
