import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findProperty, type KindId, type ValueNode, type Step } from '../core';
import { SYSTEMS, type OutlineRow, type SymbolKindName } from '../systems';
import { comparePath, compilePath, type PathPattern } from '../core';

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  module: SymbolKind.Module,
  namespace: SymbolKind.Namespace,
  event: SymbolKind.Event,
  function: SymbolKind.Function,
  field: SymbolKind.Field,
};

/** Every kind's outline rows, from the system descriptors. */
const OUTLINE: Record<KindId, OutlineRow[]> = Object.assign({}, ...SYSTEMS.map((system) => system.outline));

interface CompiledRow extends OutlineRow {
  pattern: PathPattern;
}

const COMPILED = new Map<KindId, CompiledRow[]>();

function rowsFor(kind: KindId): CompiledRow[] {
  let rows = COMPILED.get(kind);
  if (!rows) {
    rows = (OUTLINE[kind] ?? []).map((row) => ({ ...row, pattern: compilePath(row.path) }));
    COMPILED.set(kind, rows);
  }
  return rows;
}

/** The outline of a manifest, from its system's outline rows. */
export function outline(kind: KindId, roots: Array<ValueNode | undefined>, document: TextDocument): DocumentSymbol[] {
  const rows = rowsFor(kind);
  const text = document.getText();
  const result: DocumentSymbol[] = [];
  const visit = (node: ValueNode, path: Step[], into: DocumentSymbol[], depth: number) => {
    let children = into;
    let deeper = false;
    for (const row of rows) {
      const match = comparePath(row.pattern, path);
      if (match === 'prefix') deeper = true;
      if (match === 'exact' && children === into) {
        const symbol = symbolFor(row, node, path, document, text);
        if (symbol) {
          into.push(symbol);
          children = symbol.children!;
        }
      }
    }
    if (!deeper || depth > 16) return;
    if (node.type === 'object') for (const p of node.properties) visit(p.value, [...path, p.key], children, depth + 1);
    else if (node.type === 'array')
      node.items.forEach((item, index) => visit(item, [...path, index], children, depth + 1));
  };
  for (const root of roots) if (root) visit(root, [], result, 0);
  return result;
}

interface Rendered {
  text: string;
  /** The first node a field placeholder read. */
  node?: ValueNode;
}

function field(node: ValueNode, name: string, path: Step[]): { text: string; node?: ValueNode } | undefined {
  const last = path[path.length - 1];
  if (name === '@key') return typeof last === 'string' ? { text: last } : undefined;
  if (name === '@index') return typeof last === 'number' ? { text: `[${last}]` } : undefined;
  let target: ValueNode | undefined = node;
  if (name !== '@value') for (const key of name.split('.')) target = findProperty(target, key)?.value;
  if (target?.type !== 'scalar' || target.value === null || target.value === '') return undefined;
  return { text: String(target.value), node: target };
}

function render(template: string, node: ValueNode, path: Step[]): Rendered | undefined {
  let missing = false;
  let first: ValueNode | undefined;
  const text = template.replace(/\{([^}]+)\}/g, (_, alternatives: string) => {
    for (const name of alternatives.split('|')) {
      const found = field(node, name.trim(), path);
      if (found) {
        first ??= found.node;
        return found.text;
      }
    }
    missing = true;
    return '';
  });
  return missing ? undefined : { text: text.length > 80 ? `${text.slice(0, 77)}...` : text, node: first };
}

/** Where a node really spans: TOML tables are spread over several headers, YAML items end after their line break. */
function extent(node: ValueNode, text: string): { start: number; end: number } {
  let start = node.property && node.property.value === node ? Math.min(node.property.keyStart, node.start) : node.start;
  let end = Math.max(node.end, node.property?.keyEnd ?? node.end);
  const grow = (child: ValueNode) => {
    start = Math.min(start, child.start, child.property?.keyStart ?? child.start);
    end = Math.max(end, child.end);
    if (child.type === 'object') for (const p of child.properties) grow(p.value);
    else if (child.type === 'array') for (const item of child.items) grow(item);
  };
  if (node.type === 'object') for (const p of node.properties) grow(p.value);
  else if (node.type === 'array') for (const item of node.items) grow(item);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end: Math.max(end, start) };
}

function symbolFor(
  row: OutlineRow,
  node: ValueNode,
  path: Step[],
  document: TextDocument,
  text: string,
  isFallback = false,
): DocumentSymbol | undefined {
  let label = render(row.label, node, path);
  // A document that is not (yet) what the row describes, e.g. a CloudQuery document without a name.
  if (!label?.text.trim() && !isFallback)
    return path.length === 0 ? undefined : fallback(row, node, path, document, text);
  // An empty or blank key (`"" = 1`) still gets a visible name; editors refuse an empty one.
  if (!label?.text.trim()) label = { text: JSON.stringify(label?.text ?? ''), node: label?.node };
  const property = node.property && node.property.value === node ? node.property : undefined;
  const { start, end } = extent(node, text);
  const selected = row.select ? field(node, row.select, path)?.node : label.node;
  let selection = selected && selected !== node ? { start: selected.start, end: selected.end } : undefined;
  selection ??= property
    ? { start: property.keyStart, end: property.keyEnd }
    : { start, end: Math.min(end, lineEnd(text, start)) };
  if (selection.start < start || selection.end > end) selection = { start, end: start };
  const detail = row.detail ? render(row.detail, node, path)?.text : undefined;
  return {
    name: label.text,
    kind: row.kind ? SYMBOL_KINDS[row.kind] : kindOf(node),
    detail: detail === label.text ? undefined : detail,
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    selectionRange: {
      start: document.positionAt(selection.start),
      end: document.positionAt(Math.max(selection.end, selection.start)),
    },
    children: [],
  };
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** A row whose label cannot be filled still shows its node by key or index. */
function fallback(
  row: OutlineRow,
  node: ValueNode,
  path: Step[],
  document: TextDocument,
  text: string,
): DocumentSymbol | undefined {
  const last = path[path.length - 1];
  return symbolFor(
    { ...row, label: typeof last === 'number' ? '{@index}' : '{@key}', select: undefined },
    node,
    path,
    document,
    text,
    true,
  );
}

function kindOf(node: ValueNode): SymbolKind {
  if (node.type === 'object') return SymbolKind.Namespace;
  if (node.type === 'array') return SymbolKind.Array;
  if (typeof node.value === 'number') return SymbolKind.Number;
  if (typeof node.value === 'boolean') return SymbolKind.Boolean;
  return SymbolKind.Property;
}
