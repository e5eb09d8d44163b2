import { findProperty, type ObjectNode, type ParsedDocument, type PropertyNode } from '../../../core';

/** The `[services.<id>]` tables of an lgc.toml. */
export function services(documents: ParsedDocument[]): PropertyNode[] {
  const table = findProperty(documents[0]?.root, 'services')?.value;
  return table?.type === 'object' ? table.properties.filter((p) => p.value.type === 'object') : [];
}

export function service(property: PropertyNode): ObjectNode {
  return property.value as ObjectNode;
}
