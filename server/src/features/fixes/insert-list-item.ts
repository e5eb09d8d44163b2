import { CodeActionKind } from 'vscode-languageserver';
import type { PropertyNode, ValueNode } from '../../engine/types';
import { columnOf, type FixBuilder } from './fix';

/** The property whose key starts where the diagnostic starts. */
function propertyAt(root: ValueNode | undefined, offset: number): PropertyNode | undefined {
  if (!root) return undefined;
  if (root.type === 'object') {
    for (const p of root.properties) {
      if (p.keyStart === offset) return p;
      const inner = propertyAt(p.value, offset);
      if (inner) return inner;
    }
  } else if (root.type === 'array') {
    for (const item of root.items) {
      const inner = propertyAt(item, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** `data.insert` on a list key (the GatewayD cookie lines): adds the item after the last one. */
export const insertListItem: FixBuilder = (input) => {
  if (typeof input.data.insert !== 'string') return [];
  const property = propertyAt(input.parsed?.root, input.document.offsetAt(input.diagnostic.range.start));
  if (!property || property.value.type !== 'array') return [];
  const items = property.value.items;
  const line = input.data.insert;
  let offset: number;
  let newText: string;
  const raw = input.text.slice(property.value.start, property.value.end);
  if (raw.startsWith('[')) {
    // A flow list: before the closing bracket.
    offset = property.value.end - 1;
    newText = `${items.length ? ', ' : ''}${JSON.stringify(line)}`;
  } else if (items.length) {
    const last = items[items.length - 1];
    offset = last.end;
    newText = `\n${' '.repeat(columnOf(input.text, last.start) - 2)}- ${line}`;
  } else return [];
  return [
    {
      title: `Add ${line.length > 48 ? line.slice(0, 45) + '...' : line}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [input.diagnostic],
      isPreferred: true,
      edit: { changes: { [input.document.uri]: [{ range: { start: input.document.positionAt(offset), end: input.document.positionAt(offset) }, newText }] } },
    },
  ];
};
