import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * New Plugin opens the project in another window (or reloads this one), where this extension
 * starts afresh: what to do next is kept in the global state and said there, on activation.
 */
const KEY = 'pluginWorkbench.nextSteps';
/** A project not opened within this time (the window was closed first) is not talked about later. */
const KEEP_MS = 10 * 60_000;

interface Pending {
  directory: string;
  message: string;
  at: number;
}

export async function rememberNextSteps(state: vscode.Memento, directory: string, message: string): Promise<void> {
  const pending = state.get<Pending[]>(KEY, []).filter((p) => Date.now() - p.at < KEEP_MS && p.directory !== directory);
  await state.update(KEY, [...pending, { directory, message, at: Date.now() }]);
}

/** Shows (once) the next steps of a project this window has open; returns the messages shown. */
export async function showPendingNextSteps(state: vscode.Memento): Promise<string[]> {
  const pending = state.get<Pending[]>(KEY, []);
  if (!pending.length) return [];
  const open = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => path.resolve(f.uri.fsPath)));
  const mine = pending.filter((p) => open.has(path.resolve(p.directory)) && Date.now() - p.at < KEEP_MS);
  const rest = pending.filter((p) => !mine.includes(p) && Date.now() - p.at < KEEP_MS);
  await state.update(KEY, rest);
  for (const p of mine) void vscode.window.showInformationMessage(p.message);
  return mine.map((p) => p.message);
}
