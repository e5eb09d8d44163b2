import {
  findProperty,
  stringValue,
  type ObjectNode,
  type ParsedDocument,
  type PropertyNode,
  type ValueNode,
} from '../../../core';

/** The `plugins:` entries of an Anklet config, and the config's top level. */
export function ankletConfig(documents: ParsedDocument[]): { root: ObjectNode | undefined; plugins: ObjectNode[] } {
  const root = documents[0]?.root;
  const plugins = findProperty(root, 'plugins')?.value;
  return {
    root: root?.type === 'object' ? root : undefined,
    plugins: plugins?.type === 'array' ? plugins.items.filter((i): i is ObjectNode => i.type === 'object') : [],
  };
}

/** A key that is set to something (yaml.v2 decodes `key:` with no value to the zero value). */
export function isSet(node: ValueNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'scalar') return node.value !== null && node.value !== '';
  return true;
}

export function setting(owner: ObjectNode | undefined, key: string): PropertyNode | undefined {
  const property = findProperty(owner, key);
  return property && isSet(property.value) ? property : undefined;
}

export function pluginType(entry: ObjectNode): string | undefined {
  return stringValue(findProperty(entry, 'plugin')?.value);
}

/** Anklet tells receivers from handlers by `_receiver` in the plugin name. */
export function isReceiver(entry: ObjectNode): boolean {
  return (pluginType(entry) ?? '').includes('_receiver');
}

/** How messages name an entry: its name, or where it is when it has none. */
export function label(entry: ObjectNode): string {
  const index = entry.parentArray?.items.indexOf(entry) ?? -1;
  return stringValue(findProperty(entry, 'name')?.value) || `The unnamed plugin plugins[${index}]`;
}
