import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** Applies text edits for one document, as an editor would (all ranges against the original text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 1, text), edits);
}

/** The edits a workspace edit makes to one document (changes or documentChanges). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) =>
    'textDocument' in c && c.textDocument.uri === uri ? c.edits : [],
  );
  return [...fromChanges, ...(fromDocumentChanges as TextEdit[])];
}

/** Applies a workspace edit to the files on disk: creates, renames, deletes and text edits, in order. */
export function applyWorkspaceEdit(edit: WorkspaceEdit): void {
  const write = (uri: string, edits: TextEdit[]) => {
    const file = fileURLToPath(uri);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, applyEdits(text, edits));
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) write(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) write(change.textDocument.uri, change.edits as TextEdit[]);
    else if (change.kind === 'create') {
      const file = fileURLToPath(change.uri);
      if (fs.existsSync(file) && (change.options?.ignoreIfExists || !change.options?.overwrite)) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
    } else if (change.kind === 'rename') fs.renameSync(fileURLToPath(change.oldUri), fileURLToPath(change.newUri));
    else if (change.kind === 'delete')
      fs.rmSync(fileURLToPath(change.uri), {
        recursive: change.options?.recursive ?? false,
        force: change.options?.ignoreIfNotExists ?? false,
      });
  }
}
