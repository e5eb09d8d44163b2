import type { ArrayNode, ObjectNode, PropertyNode, ScalarNode, ValueNode } from '../types';

// Small constructors shared by the YAML, JSON and TOML readers so that every format ends up in
// the same tree shape (and every node knows its parent, which the range rules need).

export function objectNode(start: number, end: number): ObjectNode {
  return { type: 'object', properties: [], start, end };
}

export function arrayNode(start: number, end: number): ArrayNode {
  return { type: 'array', items: [], start, end };
}

export function scalarNode(value: ScalarNode['value'], start: number, end: number): ScalarNode {
  return { type: 'scalar', value, start, end };
}

export function addProperty(
  parent: ObjectNode,
  key: string,
  keyStart: number,
  keyEnd: number,
  value: ValueNode,
): PropertyNode {
  const property: PropertyNode = { key, keyStart, keyEnd, value, parent };
  // A node shared through a YAML alias keeps its first owner: errors land on the anchor.
  if (!value.property && !value.parentArray) value.property = property;
  parent.properties.push(property);
  return property;
}

export function addItem(parent: ArrayNode, item: ValueNode): void {
  if (!item.property && !item.parentArray) item.parentArray = parent;
  parent.items.push(item);
}

export function findProperty(node: ValueNode | undefined, key: string): PropertyNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  // The last occurrence wins, as in the hosts' decoders.
  for (let i = node.properties.length - 1; i >= 0; i--) {
    if (node.properties[i].key === key) return node.properties[i];
  }
  return undefined;
}
