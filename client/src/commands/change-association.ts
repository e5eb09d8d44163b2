import * as path from 'node:path';
import * as vscode from 'vscode';
import { systems } from '../server-api';

const AUTOMATIC = 'automatic';

/**
 * Sets `pluginWorkbench.associations` for the active file: one of the kinds, or back to automatic.
 * Non-interactive use (tests, other extensions): pass `{ uri, kind }`.
 */
export async function changeAssociation(args?: { uri?: string; kind?: string }): Promise<string | undefined> {
  const uri = args?.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a YAML, JSON or TOML file to choose its manifest kind.');
    return undefined;
  }
  const { isKindId, KIND_IDS, KINDS } = systems();
  let kind = args?.kind;
  if (!kind) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'Automatic', description: 'recognise the kind from name, place and content', id: AUTOMATIC },
        ...KIND_IDS.map((id) => ({ label: KINDS[id].title, description: id, id })),
      ],
      { title: `Manifest kind of ${path.basename(uri.fsPath)}`, placeHolder: 'Pick the kind of manifest this file is' },
    );
    if (!picked) return undefined;
    kind = picked.id;
  }
  if (kind !== AUTOMATIC && !isKindId(kind)) throw new Error(`Unknown manifest kind "${kind}".`);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const config = vscode.workspace.getConfiguration('pluginWorkbench', uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  // The glob is the file's own path: relative to its folder, or absolute outside any folder.
  const glob = folder
    ? path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/')
    : uri.fsPath.split(path.sep).join('/');
  const inspected = config.inspect<Record<string, string>>('associations');
  const existing = { ...((folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? {}) };
  if (kind === AUTOMATIC) delete existing[glob];
  else existing[glob] = kind;
  await config.update('associations', existing, target);
  return kind;
}
