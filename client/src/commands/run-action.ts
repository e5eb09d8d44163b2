import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActionArguments, Project } from '../../../server/src/systems';
import { configurationsFor } from '../debug/provider';
import { systems } from '../server-api';
import type { WorkbenchTaskProvider } from '../tasks/task-provider';

const inside = (dir: string, file: string) => {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * An action lens's command (features/action-lenses.ts): runs a task of the nearest plugin project
 * to `near` that has it, or starts that project's dev-mode launch with the lens's attributes.
 */
export async function runAction(tasks: WorkbenchTaskProvider, action: ActionArguments): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(action.near));
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      `${action.title}: trust this folder first; nothing runs in an untrusted one.`,
    );
    return false;
  }
  const root = folder?.uri.fsPath;
  const nearest = (fits: (p: Project) => boolean) =>
    root
      ? systems()
          .detectProjects(root)
          .filter((p) => inside(p.dir, action.near) && fits(p))
          .sort((a, b) => b.dir.length - a.dir.length)[0]
      : undefined;
  const where = vscode.workspace.asRelativePath(action.near);
  if (action.run === 'launch') {
    const configurations = folder ? configurationsFor(folder) : [];
    const configurationOf = (p: Project) =>
      configurations.find((c) => path.resolve(root!, String(c.project).replace('${workspaceFolder}', '.')) === p.dir);
    const project = nearest((p) => !!configurationOf(p));
    if (!folder || !project) {
      void vscode.window.showInformationMessage(
        `${action.title}: no plugin project with a dev-mode launch contains ${where}.`,
      );
      return false;
    }
    const configuration = { ...configurationOf(project)! };
    const file = path.relative(project.dir, action.file).split(path.sep).join('/');
    for (const [key, value] of Object.entries(action.launch ?? {})) configuration[key] = value.replace('$file', file);
    return vscode.debug.startDebugging(folder, configuration);
  }
  const project = nearest((p) =>
    systems()
      .tasksFor(p)
      .some((t) => t.id === action.run),
  );
  const task = folder && project && tasks.taskFor(folder, project, action.run, action.args);
  if (!task) {
    void vscode.window.showInformationMessage(`${action.title}: no plugin project with this task contains ${where}.`);
    return false;
  }
  await vscode.tasks.executeTask(task);
  return true;
}
