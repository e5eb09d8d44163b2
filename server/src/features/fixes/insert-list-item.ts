import { propertyKeyedAt } from '../../core';
import { columnOf, isFlow, lastLineEnd, lineStartOf, literal, quickFix, shorten, type FixBuilder } from './fix';

/**
 * `data.insert` on the key of a list (the GatewayD cookie lines): adds the item, or each of a list
 * of items, after the last one, in the list's own style (block or flow, the quotes of its items).
 */
export const insertListItem: FixBuilder = (input) => {
  const raw = input.data.insert;
  const lines =
    typeof raw === 'string'
      ? [raw]
      : Array.isArray(raw) && raw.every((l) => typeof l === 'string')
        ? (raw as string[])
        : [];
  if (!lines.length) return [];
  const property = propertyKeyedAt(input.parsed?.root, input.document.offsetAt(input.diagnostic.range.start));
  if (!property || property.value.type !== 'array') return [];
  const list = property.value;
  const { text } = input;
  const last = list.items[list.items.length - 1];
  const rawLast = last ? text.slice(last.start, last.end) : '';
  const quote = rawLast.startsWith("'") ? "'" : rawLast.startsWith('"') ? '"' : '';
  const render = (line: string) =>
    input.format !== 'yaml'
      ? JSON.stringify(line)
      : quote === "'"
        ? `'${line.replace(/'/g, "''")}'`
        : quote
          ? JSON.stringify(line)
          : literal(line, 'yaml');
  const items = lines.map(render);
  let at: number;
  let newText: string;
  if (isFlow(text, list) || input.format !== 'yaml') {
    // A flow list (or JSON/TOML array): before the closing bracket.
    const close = text.lastIndexOf(']', list.end - 1);
    if (close < list.start) return [];
    if (last) {
      at = last.end;
      const between = text.slice(list.start + 1, list.items[0].start);
      const separator = between.includes('\n') ? `,\n${' '.repeat(columnOf(text, list.items[0].start))}` : ', ';
      newText = items.map((item) => `${separator}${item}`).join('');
    } else {
      at = close;
      newText = items.join(', ');
    }
  } else {
    if (!last) return [];
    const lineStart = lineStartOf(text, last.start);
    const dash = text.lastIndexOf('-', last.start);
    if (dash < lineStart) return [];
    const gap = text.slice(dash + 1, last.start).replace(/\n[\s\S]*/, '').length || 1;
    // After the last item's line, so a trailing comment stays with that item.
    at = lastLineEnd(text, last);
    newText = items.map((item) => `\n${' '.repeat(dash - lineStart)}-${' '.repeat(gap)}${item}`).join('');
  }
  const title =
    lines.length === 1
      ? `Add ${shorten(lines[0])} to ${property.key}`
      : `Add ${lines.map((l) => l.split('=')[0]).join(' and ')} to ${property.key}`;
  return [quickFix(input, title, [{ start: at, end: at, newText }], true)];
};
