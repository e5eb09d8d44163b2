import type { CodeAction, CodeActionContext } from 'vscode-languageserver';
import { documentAt } from '../core';
import { KINDS } from '../systems';
import { uriToPath } from './uri';
import type { AnalyzedDocument } from './analyzed-document';
import { fixesFor } from './fixes/registry';
import { suppressOnLine } from './fixes/suppress';

/** textDocument/codeAction: quick fixes for our diagnostics, from the fix registry (fixes/registry.ts). */
export function codeActions(
  { document, analysis }: AnalyzedDocument,
  context: CodeActionContext,
  onError: (message: string) => void = () => undefined,
): CodeAction[] {
  if (
    context.only &&
    !context.only.some((kind) => kind === 'quickfix' || 'quickfix'.startsWith(`${kind}.`) || kind === '')
  )
    return [];
  const text = document.getText();
  const actions: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== 'plugin-workbench' || typeof diagnostic.code !== 'string') continue;
    const data =
      diagnostic.data && typeof diagnostic.data === 'object' ? (diagnostic.data as Record<string, unknown>) : {};
    const input = {
      document,
      text,
      diagnostic,
      data,
      format: KINDS[analysis.kind].format,
      parsed: documentAt(analysis.parsed.documents, document.offsetAt(diagnostic.range.start)),
      filePath: uriToPath(document.uri),
    };
    for (const fix of fixesFor(diagnostic.code, data)) {
      try {
        actions.push(...fix(input));
      } catch (error) {
        onError(`Quick fix for ${diagnostic.code} failed: ${(error as Error).stack ?? error}`);
      }
    }
    suppressions.push(...suppressOnLine(input));
  }
  // The real fixes first; suppressing is the last resort in the menu.
  return [...actions, ...suppressions];
}
