import { LineIndex, walkNodes, type ParsedFile, type ValueNode } from '../core';
import type { FoldingRange, SelectionRange } from 'vscode-languageserver';

// Folding and selection ranges from the parsed tree: the same for YAML, JSON and TOML, since
// every node keeps its exact span. Pure functions of the parsed file.

/** Every mapping and list that spans lines folds from its key's line (or its own) to its last line. */
export function foldingRanges(parsed: ParsedFile): FoldingRange[] {
  const index = new LineIndex(parsed.text);
  const byStart = new Map<number, number>();
  const fold = (startOffset: number, endOffset: number, bracketed = false) => {
    const startLine = index.positionAt(startOffset).line;
    let endLine = index.positionAt(lastContent(parsed.text, endOffset)).line;
    // A closing bracket or brace stays visible, as in VS Code's own JSON folding.
    if (bracketed && endLine > startLine) endLine -= 1;
    if (endLine > startLine && endLine > (byStart.get(startLine) ?? -1)) byStart.set(startLine, endLine);
  };
  for (const document of parsed.documents) {
    for (const node of walkNodes(document.root)) {
      if (node.type === 'scalar' || node === document.root) continue;
      const open = parsed.text[node.start];
      const bracketed = (node.type === 'object' && open === '{') || (node.type === 'array' && open === '[');
      fold(node.property ? Math.min(node.property.keyStart, node.start) : node.start, node.end, bracketed);
    }
    // A document of a multi-document stream folds as a whole.
    if (parsed.documents.length > 1 && document.root) fold(document.start, document.end);
  }
  if (parsed.format === 'toml') foldTomlTables(parsed.text, fold);
  return [...byStart].sort((a, b) => a[0] - b[0]).map(([startLine, endLine]) => ({ startLine, endLine }));
}

/** A TOML table runs from its header to the line before the next header. */
function foldTomlTables(text: string, fold: (start: number, end: number) => void): void {
  const headers = [...text.matchAll(/^[ \t]*\[[^\n]*$/gm)].map((m) => m.index!);
  headers.forEach((start, i) => fold(start, i + 1 < headers.length ? headers[i + 1] : text.length));
}

/** The offset of the last non-blank character before `end`. */
function lastContent(text: string, end: number): number {
  let i = Math.min(end, text.length) - 1;
  while (i > 0 && /\s/.test(text[i])) i--;
  return Math.max(0, i);
}

/**
 * For each position: value, then `key: value`, then the enclosing mapping or list, and so on up
 * to the document; each range contains the one before it.
 */
export function selectionRanges(parsed: ParsedFile, offsets: number[]): SelectionRange[] {
  const index = new LineIndex(parsed.text);
  const toRange = ([start, end]: [number, number]) => ({ start: index.positionAt(start), end: index.positionAt(end) });
  return offsets.map((offset) => {
    const spans: Array<[number, number]> = [[0, parsed.text.length + 1]];
    const document = parsed.documents.find((d) => d.root && offset >= d.root.start && offset <= d.root.end);
    if (document) {
      if (parsed.documents.length > 1) spans.push([document.start, document.end]);
      collect(document.root, offset, spans);
    }
    let range: SelectionRange | undefined;
    let previous: [number, number] | undefined;
    for (const [start, rawEnd] of spans) {
      // YAML nodes end after their trailing newline: select up to the last character instead.
      const span: [number, number] = [
        start,
        rawEnd > start ? Math.max(start, lastContent(parsed.text, rawEnd) + 1) : rawEnd,
      ];
      if (previous && span[0] === previous[0] && span[1] === previous[1]) continue;
      if (previous && (span[0] < previous[0] || span[1] > previous[1])) continue; // not nested: skip
      range = { range: toRange(span), parent: range };
      previous = span;
    }
    return range ?? { range: toRange([offset, offset]) };
  });
}

/** Spans holding the offset, outermost first. */
function collect(node: ValueNode | undefined, offset: number, spans: Array<[number, number]>): void {
  while (node) {
    spans.push([node.start, node.end]);
    if (node.type === 'scalar') return;
    if (node.type === 'object') {
      const property = node.properties.find((p) => offset >= p.keyStart && offset <= Math.max(p.keyEnd, p.value.end));
      if (!property) return;
      spans.push([property.keyStart, Math.max(property.keyEnd, property.value.end)]);
      if (offset <= property.keyEnd && offset < property.value.start) {
        spans.push([property.keyStart, property.keyEnd]);
        return;
      }
      node = property.value;
    } else {
      node = node.items.find((item) => offset >= item.start && offset <= item.end);
    }
  }
}
