import type { Step, ParsedDocument, PropertyNode, ValueNode } from '../core';

export interface Located {
  /** Keys and indexes from the document root to `node`. */
  path: Step[];
  node: ValueNode;
  /** Set when the offset is on a key rather than on a value. */
  onKey?: PropertyNode;
}

/**
 * The parsed document (of a multi-document file) that holds an offset: the one whose root spans it,
 * else the last one starting before it (a document's own `---` line and leading comments).
 */
export function documentHolding(documents: ParsedDocument[], offset: number): ParsedDocument | undefined {
  const withRoot = documents.filter((d) => d.root);
  return (
    withRoot.find((d) => offset >= d.root!.start && offset < d.root!.end) ??
    [...withRoot].reverse().find((d) => d.start <= offset) ??
    withRoot[0]
  );
}

/** The innermost key or scalar at an offset, with its path. */
export function locate(root: ValueNode | undefined, offset: number): Located | undefined {
  const path: Step[] = [];
  let node = root;
  while (node) {
    if (node.type === 'scalar') return { path, node };
    if (node.type === 'object') {
      const property = node.properties.find((p) => offset >= p.keyStart && offset <= p.keyEnd);
      if (property) return { path: [...path, property.key], node: property.value, onKey: property };
      const holder = node.properties.find((p) => p.value.end > p.value.start && offset >= p.value.start && offset <= p.value.end);
      if (!holder) return undefined;
      path.push(holder.key);
      node = holder.value;
    } else {
      const index = node.items.findIndex((item) => offset >= item.start && offset <= item.end);
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    }
  }
  return undefined;
}
