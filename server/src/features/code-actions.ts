import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import { KINDS } from '../systems';
import { uriToPath } from '../lsp/workbench-service';
import { analyzedDocument } from './analyzed-document';
import { fixesFor } from './fixes/registry';
import type { FeatureContext } from './index';
import { documentHolding } from './node-at';
import { suppressOnLine } from './fixes/suppress';

/** textDocument/codeAction: quick fixes for our diagnostics, from the fix registry (fixes/registry.ts). */
export function registerCodeActions(features: FeatureContext): void {
  features.connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[] | null> => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed) return null;
    const { document, analysis } = analyzed;
    if (params.context.only && !params.context.only.some((kind) => kind === 'quickfix' || 'quickfix'.startsWith(`${kind}.`) || kind === '')) return [];
    const text = document.getText();
    const actions: CodeAction[] = [];
    const suppressions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'plugin-workbench' || typeof diagnostic.code !== 'string') continue;
      const data = diagnostic.data && typeof diagnostic.data === 'object' ? (diagnostic.data as Record<string, unknown>) : {};
      const input = {
        document,
        text,
        diagnostic,
        data,
        format: KINDS[analysis.kind].format,
        parsed: documentHolding(analysis.parsed.documents, document.offsetAt(diagnostic.range.start)),
        filePath: uriToPath(document.uri),
      };
      for (const fix of fixesFor(diagnostic.code, data)) {
        try {
          actions.push(...fix(input));
        } catch (error) {
          features.connection.console.error(`Quick fix for ${diagnostic.code} failed: ${(error as Error).stack ?? error}`);
        }
      }
      suppressions.push(...suppressOnLine(input));
    }
    // The real fixes first; suppressing is the last resort in the menu.
    return [...actions, ...suppressions];
  });
}
