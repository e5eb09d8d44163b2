import type { CodeLens } from 'vscode-languageserver';
import { nodesAtPath, ownerSpan } from '../core';
import { SYSTEMS, type ActionArguments, type ActionLensRow } from '../systems';
import type { AnalyzedDocument } from './analyzed-document';
import { uriToPath } from './uri';

/** The client command an action lens runs (client/src/commands/run-action.ts). */
export const RUN_ACTION_COMMAND = 'pluginWorkbench.runAction';

const ROWS: ActionLensRow[] = SYSTEMS.flatMap((system) => system.actions ?? []);

/** The lenses of a manifest that run something of its plugin project ("▶ Sync (dev)", "Update checksum"). */
export function actionLenses({ document, analysis }: AnalyzedDocument): CodeLens[] {
  const rows = ROWS.filter((row) => row.kind === analysis.kind);
  if (!rows.length) return [];
  const file = uriToPath(document.uri);
  const lenses: CodeLens[] = [];
  for (const parsed of analysis.parsed.documents) {
    for (const row of rows) {
      for (const node of nodesAtPath(parsed.root, row.path)) {
        if (row.when && !row.when(node)) continue;
        const span = ownerSpan(node, analysis.parsed.text);
        const action: ActionArguments = {
          file,
          run: row.run,
          title: row.title,
          near: row.near?.(node, file) ?? file,
          ...(row.args ? { args: row.args(node) } : {}),
          ...(row.launch ? { launch: row.launch(node) } : {}),
        };
        lenses.push({
          range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
          command: { title: row.title, command: RUN_ACTION_COMMAND, arguments: [action] },
        });
      }
    }
  }
  return lenses;
}
