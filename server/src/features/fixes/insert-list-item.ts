import type { PropertyNode, ValueNode } from '../../engine/types';
import { columnOf, isFlow, lastLineEnd, lineStartOf, literal, quickFix, shorten, type FixBuilder } from './fix';

/** The property whose key starts at an offset. */
function propertyKeyedAt(root: ValueNode | undefined, offset: number): PropertyNode | undefined {
  if (!root) return undefined;
  if (root.type === 'object') {
    for (const p of root.properties) {
      if (p.keyStart === offset) return p;
      const inner = propertyKeyedAt(p.value, offset);
      if (inner) return inner;
    }
  } else if (root.type === 'array') {
    for (const item of root.items) {
      const inner = propertyKeyedAt(item, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * `data.insert` on the key of a list (the GatewayD cookie lines): adds the item after the last one,
 * in the list's own style (block or flow, the quotes of its items).
 */
export const insertListItem: FixBuilder = (input) => {
  const line = input.data.insert;
  if (typeof line !== 'string') return [];
  const property = propertyKeyedAt(input.parsed?.root, input.document.offsetAt(input.diagnostic.range.start));
  if (!property || property.value.type !== 'array') return [];
  const list = property.value;
  const { text } = input;
  const last = list.items[list.items.length - 1];
  const rawLast = last ? text.slice(last.start, last.end) : '';
  const quote = rawLast.startsWith("'") ? "'" : rawLast.startsWith('"') ? '"' : '';
  const item = input.format !== 'yaml' ? JSON.stringify(line) : quote === "'" ? `'${line.replace(/'/g, "''")}'` : quote ? JSON.stringify(line) : literal(line, 'yaml');
  let at: number;
  let newText: string;
  if (isFlow(text, list) || input.format !== 'yaml') {
    // A flow list (or JSON/TOML array): before the closing bracket.
    const close = text.lastIndexOf(']', list.end);
    if (close < list.start) return [];
    if (last) {
      at = last.end;
      const between = text.slice(list.start + 1, list.items[0].start);
      const multiline = between.includes('\n');
      newText = multiline ? `,\n${' '.repeat(columnOf(text, list.items[0].start))}${item}` : `, ${item}`;
    } else {
      at = close;
      newText = item;
    }
  } else {
    if (!last) return [];
    const lineStart = lineStartOf(text, last.start);
    const dash = text.lastIndexOf('-', last.start);
    if (dash < lineStart) return [];
    const gap = text.slice(dash + 1, last.start).replace(/\n[\s\S]*/, '').length || 1;
    at = lastLineEnd(text, last);
    // Keep a trailing comment on the last item's line with that item.
    newText = `\n${' '.repeat(dash - lineStart)}-${' '.repeat(gap)}${item}`;
  }
  return [quickFix(input, `Add ${shorten(line)} to ${property.key}`, [{ start: at, end: at, newText }], true)];
};
