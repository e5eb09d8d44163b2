// One comparable value for parsed trees: tests that prove two readings equal (incremental against
// from scratch, the plain block reader against yaml's parse) compare these.
import type { ParsedDocument, ParsedFile, ValueNode } from '../../server/src/core';

/** Everything a reader of the tree sees, owners named by order of appearance, as one comparable value. */
export function snapshot(parsed: ParsedFile | undefined): unknown {
  if (!parsed) return undefined;
  return {
    text: parsed.text,
    documents: documentsSnapshot(parsed.documents),
    diagnostics: parsed.diagnostics,
    placeholders: parsed.placeholders,
  };
}

/** The documents' part of `snapshot`: every node, key and offset, and which property or list owns each. */
export function documentsSnapshot(documents: ParsedDocument[]): unknown {
  const ids = new Map<object, number>();
  const id = (o: object | undefined) => {
    if (!o) return null;
    if (!ids.has(o)) ids.set(o, ids.size);
    return ids.get(o);
  };
  const node = (v: ValueNode): unknown => {
    const { start, end, type } = v;
    const common = { id: id(v), type, start, end, property: id(v.property), parentArray: id(v.parentArray) };
    if (v.type === 'scalar')
      return {
        ...common,
        value: v.value,
        tag: v.tag,
        quoted: v.quoted,
        placeholder: v.placeholder,
        big: String(v.big),
      };
    if (v.type === 'array') return { ...common, items: v.items.map(node) };
    const property = (p: (typeof v.properties)[number]) => ({
      id: id(p),
      key: p.key,
      keyStart: p.keyStart,
      keyEnd: p.keyEnd,
      parent: id(p.parent),
      value: node(p.value),
    });
    return { ...common, properties: v.properties.map(property), shadowed: v.shadowed?.map(property) };
  };
  return documents.map((d) => ({ ...d, root: d.root && node(d.root) }));
}
