import * as vscode from 'vscode';
import { START_DEBUGGER_EVENT } from './events';

/** Is a debugger of this type contributed by an installed extension (the Go extension's `go`)? */
export function hasDebuggerType(type: string): boolean {
  return vscode.extensions.all.some((extension) =>
    ((extension.packageJSON?.contributes?.debuggers ?? []) as Array<{ type?: string }>).some((d) => d.type === type),
  );
}

/**
 * Runs the plugin server of a `plugin-host` session under another debugger when the session asks
 * for it: a child session that stops with its parent, and whose end (the plugin crashed or was
 * stopped) ends the parent too, as `go run` ending does.
 */
export function registerPluginDebugger(debugType: string): vscode.Disposable {
  const children = new Map<string, vscode.DebugSession>(); // parent id -> child
  return vscode.Disposable.from(
    vscode.debug.onDidReceiveDebugSessionCustomEvent(async (event) => {
      if (event.session.type !== debugType || event.event !== START_DEBUGGER_EVENT) return;
      const configuration = (event.body as { configuration: vscode.DebugConfiguration }).configuration;
      const listener = vscode.debug.onDidStartDebugSession((child) => {
        if (child.parentSession?.id === event.session.id) children.set(event.session.id, child);
      });
      let started = false;
      try {
        started = await vscode.debug.startDebugging(event.session.workspaceFolder, configuration, {
          parentSession: event.session,
          lifecycleManagedByParent: true,
          compact: true,
        });
      } catch (error) {
        void vscode.window.showErrorMessage(
          `${event.session.name}: the ${configuration.type} debugger could not start the plugin: ${(error as Error).message}`,
        );
      } finally {
        listener.dispose();
      }
      if (!started) await vscode.debug.stopDebugging(event.session);
    }),
    vscode.debug.onDidTerminateDebugSession(async (session) => {
      const child = children.get(session.id);
      if (child) {
        children.delete(session.id);
        await vscode.debug.stopDebugging(child);
        return;
      }
      for (const [parentId, running] of children) {
        if (running.id !== session.id) continue;
        children.delete(parentId);
        if (running.parentSession) await vscode.debug.stopDebugging(running.parentSession);
      }
    }),
  );
}
