import * as path from 'node:path';
import { findProperty, stringValue, type EngineDiagnostic, type ValueNode } from '../../../core';
import type { Rule } from '../../rule';
import { METADATA_KINDS, metadataRoot, pluginTypeOfFolder } from './metadata-context';

// The management console places a plugin by `node.category`; eKuiper reads the metadata of
// sources, sinks and functions from sources/, sinks/ and functions/ folders. When the folder the
// file lives in says which it is, the category must agree (top-level `node` for sources and sinks,
// each `functions[].node` for functions). eKuiper itself never reads `node` (an interface{} in
// sinkMeta.go/sourceMeta.go, the raw bytes for functions): a warning on the value.
const KIND_CATEGORY: Record<string, string> = {
  'ekuiper-source-meta': 'source',
  'ekuiper-sink-meta': 'sink',
  'ekuiper-function-meta': 'function',
};

export const nodeCategory: Rule = {
  id: 'ekuiper.node-category',
  kinds: METADATA_KINDS,
  check(context) {
    const folder = path.basename(path.dirname(context.path));
    const expected = pluginTypeOfFolder(folder);
    const root = metadataRoot(context);
    if (!expected || !root) return [];
    // When the kind agrees with the folder, the kind's schema already pins the category: one
    // diagnostic is enough. This rule speaks when the kind was forced or came from a modeline.
    if (KIND_CATEGORY[context.kind] === expected) return [];
    const nodes: Array<ValueNode | undefined> = [findProperty(root, 'node')?.value];
    const functions = findProperty(root, 'functions')?.value;
    for (const item of functions?.type === 'array' ? functions.items : [])
      nodes.push(findProperty(item, 'node')?.value);
    const diagnostics: EngineDiagnostic[] = [];
    for (const node of nodes) {
      const category = findProperty(node, 'category')?.value;
      const value = stringValue(category);
      if (!category || value === undefined || value === expected) continue;
      diagnostics.push({
        start: category.start,
        end: category.end,
        severity: 'warning',
        code: 'ekuiper.node-category',
        message: `node.category is "${value}" but this metadata lives in ${folder}/: the management console expects "${expected}" (or move the file to the ${value}s/ folder). eKuiper loads it either way.`,
        data: { replace: expected },
      });
    }
    return diagnostics;
  },
};
