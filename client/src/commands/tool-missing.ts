import * as vscode from 'vscode';

/**
 * Where a host-path setting is read from. The settings are `window`-scoped (package.json): User
 * settings apply in every window, a remote one too (VS Code reads `machine` and
 * `machine-overridable` settings only from Remote settings there, so a User setting was ignored);
 * Remote and (trusted) Workspace settings override them.
 */
export function whereToSet(setting: string): string {
  const remote = vscode.env.remoteName;
  return remote
    ? `Set ${setting} in your User settings, or in the Remote settings (${remote}) to use another path on this remote machine.`
    : `Set ${setting} in your User settings (or in this workspace's settings, once the folder is trusted).`;
}

/** An error about a missing tool, with a button that opens its setting. */
export async function showToolMissing(message: string, setting: string | undefined): Promise<void> {
  if (!setting) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const open = 'Open Setting';
  const choice = await vscode.window.showErrorMessage(`${message} ${whereToSet(setting)}`, open);
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', setting);
}
