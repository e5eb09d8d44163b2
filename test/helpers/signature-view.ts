import type { ParsedDocument, ValueNode } from '../../server/src/core';

function typeOf(node: ValueNode | undefined): string {
  if (!node) return 'none';
  if (node.type !== 'scalar') return node.type;
  return node.value === null ? 'null' : typeof node.value === 'string' ? 'string' : 'other';
}

/**
 * What content signatures see of a file's documents: each root's type, its top-level keys in order,
 * each value's type and scalar value, and the keys of a top-level list's first mapping entry. The
 * sniff's shortcuts (skeleton, line sniff) are proved equal to a whole parse by this view.
 */
export function signatureView(documents: ParsedDocument[]): unknown {
  return documents.map((document) => {
    const root = document.root;
    if (root?.type !== 'object') return typeOf(root);
    return root.properties.map((property) => {
      const value = property.value;
      const firstEntry = value.type === 'array' ? value.items.find((item) => item.type === 'object') : undefined;
      return [
        property.key,
        typeOf(value),
        value.type === 'scalar' ? value.value : undefined,
        firstEntry?.type === 'object' ? firstEntry.properties.map((p) => p.key) : undefined,
      ];
    });
  });
}
