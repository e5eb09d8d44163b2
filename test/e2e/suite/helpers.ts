import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeStandIn } from '../../helpers/stand-in';

export const EXTENSION_ID = 'plugin-workbench.plugin-workbench';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Our diagnostics (source plugin-workbench) of a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plugin-workbench');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Writes a stand-in host into a workspace folder and points `pluginWorkbench.<system>.path` at it,
 * in the user settings: the host paths are restricted settings, which an untrusted folder's own
 * settings cannot set.
 */
export async function useStandInHost(folder: string, system: 'gatewayd' | 'cloudquery'): Promise<string> {
  const dir = workspaceFile(folder).fsPath;
  fs.mkdirSync(dir, { recursive: true });
  const host = writeStandIn(dir, system);
  await vscode.workspace
    .getConfiguration('pluginWorkbench')
    .update(`${system}.path`, host, vscode.ConfigurationTarget.Global);
  return dir;
}

/** A `plugin-host` launch of the stand-in GatewayD plugin project in the e2e workspace, without a build. */
export function gatewaydDevLaunch(name: string): vscode.DebugConfiguration {
  return {
    type: 'plugin-host',
    request: 'launch',
    name,
    system: 'gatewayd',
    project: '${workspaceFolder}/gatewayd-dev',
    binary: 'gatewayd-plugin-dev',
    plugin: 'gatewayd-plugin-dev',
    pluginsConfig: 'gatewayd_plugin.yaml',
    build: false,
  };
}

/**
 * Asks the harness for a screenshot of the window, named for the README (`docs/images/<name>.png`
 * when the harness runs with PW_UPDATE_SCREENSHOTS=1, else under test-results/), and waits until
 * it is taken. The side bar and any walkthrough tab are closed first: the e2e workspace's test folders
 * and pages other tests opened are no sight for readers.
 */
export async function screenshot(name = 'diagnostics'): Promise<void> {
  const markers = process.env.PW_E2E_MARKERS;
  if (!markers) return;
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  // Only the manifest in view: no walkthrough or welcome page a test opened before (not text editors).
  const pages = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => !(tab.input instanceof vscode.TabInputText) && /^(Walkthrough|Welcome)\b/.test(tab.label));
  if (pages.length) await vscode.window.tabGroups.close(pages);
  await new Promise((r) => setTimeout(r, 500));
  fs.writeFileSync(path.join(markers, `shot-${name}`), '');
  await waitFor(`the screenshot ${name}`, () => fs.existsSync(path.join(markers, `shot-${name}.done`)), 60_000);
}

export type UiAction =
  | { until: string; text?: string }
  | { type: string }
  | { press: string }
  | { read: string }
  | { pause: number }
  | { click: string; text?: string }
  | { attribute: string; name: string };

let uiRequests = 0;
/** Has the harness perform keyboard actions in the page (VS Code's pickers); returns the texts read. */
export async function ui(actions: UiAction[]): Promise<string[]> {
  const markers = process.env.PW_E2E_MARKERS;
  if (!markers) throw new Error('no harness to drive the UI (PW_E2E_MARKERS is unset)');
  const name = `ui-${String(++uiRequests).padStart(3, '0')}`;
  fs.writeFileSync(path.join(markers, `${name}.json`), JSON.stringify(actions));
  const done = path.join(markers, `${name}.done`);
  await waitFor(`the harness to perform ${name}`, () => fs.existsSync(done), 90_000);
  const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as { read: string[]; error?: string };
  if (answer.error) throw new Error(`UI actions failed: ${answer.error}`);
  return answer.read;
}
