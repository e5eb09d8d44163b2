import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import { KINDS } from '../engine';
import { uriToPath } from '../lsp/workbench-service';
import { addMissingKey } from './fixes/add-missing-key';
import { createMissingFile } from './fixes/create-file';
import type { FixBuilder } from './fixes/fix';
import { insertListItem } from './fixes/insert-list-item';
import { moveKeyInto } from './fixes/move-key';
import { replaceWithComputedChecksum, replaceWithKnownValue, replaceWithSuggestion } from './fixes/replace-value';
import { documentAt } from './hover';
import type { FeatureContext } from './index';
import { analyzedDocument } from './analyzed-document';

/** Every fix builder; each looks at the diagnostic's data and offers what it knows how to do. */
const FIXES: FixBuilder[] = [replaceWithKnownValue, replaceWithComputedChecksum, replaceWithSuggestion, insertListItem, addMissingKey, moveKeyInto, createMissingFile];

export function registerCodeActions(features: FeatureContext): void {
  const { connection } = features;
  connection.onCodeAction(async (params: CodeActionParams) => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed) return null;
    const { document, analysis } = analyzed;
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'plugin-workbench' || !diagnostic.data || typeof diagnostic.data !== 'object') continue;
      const input = {
        document,
        text: document.getText(),
        diagnostic,
        data: diagnostic.data as Record<string, unknown>,
        format: KINDS[analysis.kind].format,
        parsed: documentAt(analysis.parsed.documents, document.offsetAt(diagnostic.range.start)),
        filePath: uriToPath(document.uri),
      };
      for (const fix of FIXES) actions.push(...fix(input));
    }
    return actions;
  });
}
