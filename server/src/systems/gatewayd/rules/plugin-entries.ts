import { findProperty, stringValue, type ObjectNode, type ParsedDocument } from '../../../core';

/** The plugin entries of a gatewayd_plugins.yaml (or a plugin repository's gatewayd_plugin.yaml). */
export function pluginEntries(documents: ParsedDocument[]): ObjectNode[] {
  const plugins = findProperty(documents[0]?.root, 'plugins')?.value;
  return plugins?.type === 'array' ? plugins.items.filter((i): i is ObjectNode => i.type === 'object') : [];
}

export function entryName(entry: ObjectNode): string | undefined {
  return stringValue(findProperty(entry, 'name')?.value);
}
