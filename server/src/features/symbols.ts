import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findProperty } from '../engine/parse/tree-builder';
import { stringValue } from '../engine/tree-query';
import type { ValueNode } from '../engine/types';
import type { FeatureContext } from './index';
import { analyzedDocument } from './analyzed-document';

/** Keys that name a list item in the outline: plugins by name, detections by title ... */
const ITEM_NAMES = ['name', 'id', 'title', 'key'];

/**
 * The outline: every key, with list items named by their name (GatewayD and Anklet plugins,
 * eKuiper properties and functions), and each CloudQuery document as "<kind> <name>".
 */
export function registerSymbols(features: FeatureContext): void {
  const { connection } = features;
  connection.onDocumentSymbol(async (params) => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed) return null;
    const { document, analysis } = analyzed;
    const symbols: DocumentSymbol[] = [];
    for (const parsed of analysis.parsed.documents) {
      if (!parsed.root) continue;
      const children = childrenOf(parsed.root, document, 0);
      const kind = stringValue(findProperty(parsed.root, 'kind')?.value);
      const spec = findProperty(parsed.root, 'spec')?.value;
      const specName = stringValue(findProperty(spec, 'name')?.value);
      if (analysis.kind === 'cloudquery-spec' && kind && specName) {
        symbols.push(symbol(`${kind} ${specName}`, SymbolKind.Module, parsed.root.start, parsed.root.end, parsed.root.start, parsed.root.start, document, children));
      } else symbols.push(...children);
    }
    return symbols;
  });
}

function childrenOf(node: ValueNode, document: TextDocument, depth: number): DocumentSymbol[] {
  if (depth > 12) return [];
  if (node.type === 'object') {
    return node.properties.map((p) =>
      symbol(p.key, kindOf(p.value), p.keyStart, Math.max(p.value.end, p.keyEnd), p.keyStart, p.keyEnd, document, childrenOf(p.value, document, depth + 1), detailOf(p.value)),
    );
  }
  if (node.type === 'array') {
    return node.items.map((item, index) => {
      const named = ITEM_NAMES.map((k) => stringValue(findProperty(item, k)?.value)).find((v) => v !== undefined);
      const label = named ?? (item.type === 'scalar' ? String(item.value) : `[${index}]`);
      return symbol(label, item.type === 'object' ? SymbolKind.Object : SymbolKind.String, item.start, item.end, item.start, item.end, document, item.type === 'scalar' ? [] : childrenOf(item, document, depth + 1));
    });
  }
  return [];
}

function kindOf(node: ValueNode): SymbolKind {
  if (node.type === 'object') return SymbolKind.Namespace;
  if (node.type === 'array') return SymbolKind.Array;
  if (typeof node.value === 'number') return SymbolKind.Number;
  if (typeof node.value === 'boolean') return SymbolKind.Boolean;
  return SymbolKind.Property;
}

function detailOf(node: ValueNode): string | undefined {
  return node.type === 'scalar' && node.value !== null ? String(node.value).slice(0, 60) : undefined;
}

function symbol(name: string, kind: SymbolKind, start: number, end: number, selStart: number, selEnd: number, document: TextDocument, children: DocumentSymbol[], detail?: string): DocumentSymbol {
  const range = { start: document.positionAt(start), end: document.positionAt(Math.max(end, start)) };
  const selectionRange = { start: document.positionAt(selStart), end: document.positionAt(Math.max(selEnd, selStart)) };
  return { name: name || '(empty)', kind, range, selectionRange, children, detail };
}
