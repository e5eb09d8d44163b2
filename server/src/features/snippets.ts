import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver';
import { comparePath, compilePath, type KindId } from '../core';
import { SYSTEMS, type ManifestSnippet } from '../systems';
import type { CursorContext } from './cursor-context';

/** Every system's manifest snippets with their places compiled. */
const SNIPPETS = SYSTEMS.flatMap((system) =>
  (system.snippets ?? []).map((snippet) => ({ snippet, patterns: snippet.at.map((at) => compilePath(at)) })),
);

/** The top-level keys a snippet writes (a whole document's), to leave it out where they exist. */
function ownKeys(snippet: ManifestSnippet): string[] {
  return snippet.body.flatMap((line) => /^"?([\w-]+)"?\s*:/.exec(line)?.[1] ?? []);
}

/**
 * The manifest snippets for a cursor (issue #16 item 5): only in a file of the snippet's kinds,
 * only at a key position (or the start of an empty file) that is one of the snippet's places.
 * Nothing here for files that are not manifests: completion is not asked for them.
 */
export function snippetItems(kind: KindId, context: CursorContext, range: Range, blank: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const { snippet, patterns } of SNIPPETS) {
    if (!snippet.kinds.includes(kind)) continue;
    if (!fits(snippet, patterns, context, blank)) continue;
    items.push({
      label: snippet.prefix,
      kind: CompletionItemKind.Snippet,
      detail: snippet.description,
      sortText: `2${snippet.prefix}`,
      filterText: snippet.prefix,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      textEdit: { range, newText: snippet.body.join('\n') },
    });
  }
  return items;
}

function fits(
  snippet: ManifestSnippet,
  patterns: ReturnType<typeof compilePath>[],
  context: CursorContext,
  blank: boolean,
): boolean {
  const document = snippet.at.includes('');
  // A JSON document snippet opens with `{`: only an empty file is its place.
  if (snippet.body[0]?.startsWith('{') && document) return blank;
  if (context.position !== 'key' && !(context.inList && snippet.body[0]?.startsWith('{'))) return false;
  // `*`: a TOML table written at the start of a line, wherever the cursor is.
  if (snippet.at.includes('*')) return context.lineIndent === 0 && context.indent === 0;
  if (!patterns.some((pattern) => comparePath(pattern, context.path) === 'exact')) return false;
  // A whole document goes where its keys are not yet written.
  return !document || context.path.length > 0 || !ownKeys(snippet).some((key) => context.existing.has(key));
}
