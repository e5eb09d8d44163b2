import * as path from 'node:path';
import { findProperty, readToml, readYaml, stringValue, type ValueNode } from '../../../core';
import type { RuleContext } from '../../rule';
import type { KnownValue } from '../../types';

/** The top-level keys of the official plugins' detections (schemas/logcraft-detection.schema.json). */
const DETECTION_KEYS: Record<string, string[]> = {
  splunk: ['title', 'search', 'parameters'],
  sentinel: ['name', 'kind', 'etag', 'properties'],
};

/** JSON pointers to the keys of a detection (objects only: a policy field names a key, not an item). */
function pointers(node: ValueNode | undefined, prefix: string, out: Set<string>, depth = 0): void {
  if (node?.type !== 'object' || depth > 3) return;
  for (const property of node.properties) {
    const pointer = `${prefix}/${property.key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    out.add(pointer);
    pointers(property.value, pointer, out, depth + 1);
  }
}

/**
 * The fields a policy of `.logcraft/policies/<plugin>/` may check, as JSON pointers: those of the
 * plugin's detections in the project's workspace first, then the keys the official plugin's
 * detection shape knows.
 */
export function policyFields(context: Pick<RuleContext, 'path' | 'files' | 'schemas'>): KnownValue[] {
  const plugin = path.basename(path.dirname(context.path));
  const project = path.resolve(path.dirname(context.path), '..', '..', '..');
  const config = context.files.readText(path.join(project, 'lgc.toml'));
  const core = config === undefined ? undefined : findProperty(readToml(config).documents[0]?.root, 'core')?.value;
  const workspace = stringValue(findProperty(core, 'workspace')?.value) ?? 'rules';
  const folder = path.resolve(project, workspace, plugin);
  const found = new Set<string>();
  for (const name of context.files
    .list(folder)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const text = context.files.readText(path.join(folder, name));
    if (text !== undefined) pointers(readYaml(text, { version: '1.2' }).documents[0]?.root, '', found);
  }
  const shape = context.schemas.schemaFor('logcraft-detection')?.properties as
    Record<string, { properties?: Record<string, unknown> }> | undefined;
  const known = new Set<string>();
  for (const key of DETECTION_KEYS[plugin] ?? []) {
    known.add(`/${key}`);
    for (const sub of Object.keys(shape?.[key]?.properties ?? {})) known.add(`/${key}/${sub}`);
  }
  const detail = `a field of ${plugin} detections`;
  return [...found, ...[...known].filter((f) => !found.has(f)).map((value) => ({ value, detail }))];
}
