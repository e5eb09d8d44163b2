import { findProperty, objectItems, type ObjectNode, type ParsedDocument, type PropertyNode } from '../../../core';

/** The `[services.<id>]` tables of an lgc.toml. */
export function services(documents: ParsedDocument[]): PropertyNode[] {
  return objectItems(findProperty(documents[0]?.root, 'services')?.value).filter((p) => p.value.type === 'object');
}

export function service(property: PropertyNode): ObjectNode {
  return property.value as ObjectNode;
}
