import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Project, TaskSpec } from '../../../server/src/systems';
import { systems } from '../server-api';
import { showToolMissing, whereToSet } from '../commands/tool-missing';

export const TASK_TYPE = 'plugin-workbench';

/** What a task of ours says in tasks.json: `{ "type": "plugin-workbench", "task": "build", "project": "sub/dir" }`. */
export interface WorkbenchTaskDefinition extends vscode.TaskDefinition {
  task: string;
  /** The project folder relative to the workspace folder. */
  project?: string;
  /** Appended to the task's command line (a code lens passes a service id). */
  args?: string[];
}

/** Offers the build, test and packaging tasks of every plugin project found in the workspace. */
export class WorkbenchTaskProvider implements vscode.TaskProvider {
  provideTasks(): vscode.Task[] {
    if (!vscode.workspace.isTrusted) return [];
    const tasks: vscode.Task[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const projects = systems().detectProjects(folder.uri.fsPath);
      for (const project of projects)
        for (const spec of systems().tasksFor(project)) tasks.push(this.toTask(folder, project, spec, projects));
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as WorkbenchTaskDefinition;
    const folder =
      task.scope && typeof task.scope === 'object'
        ? (task.scope as vscode.WorkspaceFolder)
        : vscode.workspace.workspaceFolders?.[0];
    if (!folder || !vscode.workspace.isTrusted) return undefined;
    const projects = systems().detectProjects(folder.uri.fsPath);
    const project = projects.find((p) => path.relative(folder.uri.fsPath, p.dir) === (definition.project ?? ''));
    const spec =
      project &&
      systems()
        .tasksFor(project)
        .find((s) => s.id === definition.task);
    return project && spec ? this.toTask(folder, project, spec, projects, definition) : undefined;
  }

  /** The task `id` of a project, with `args` appended (a code lens runs it). */
  taskFor(folder: vscode.WorkspaceFolder, project: Project, id: string, args?: string[]): vscode.Task | undefined {
    const spec = systems()
      .tasksFor(project)
      .find((s) => s.id === id);
    if (!spec) return undefined;
    const relative = path.relative(folder.uri.fsPath, project.dir);
    const definition: WorkbenchTaskDefinition = {
      type: TASK_TYPE,
      task: id,
      ...(relative ? { project: relative } : {}),
      ...(args?.length ? { args } : {}),
    };
    return this.toTask(folder, project, spec, systems().detectProjects(folder.uri.fsPath), definition);
  }

  private toTask(
    folder: vscode.WorkspaceFolder,
    project: Project,
    spec: TaskSpec,
    projects: Project[],
    definition?: WorkbenchTaskDefinition,
  ): vscode.Task {
    const relative = path.relative(folder.uri.fsPath, project.dir);
    const def: WorkbenchTaskDefinition = definition ?? {
      type: TASK_TYPE,
      task: spec.id,
      ...(relative ? { project: relative } : {}),
    };
    const extra = def.args?.length ? ` ${def.args.join(' ')}` : '';
    const name = `${project.system}: ${spec.label}${extra}${relative ? ` (${relative})` : ''}`;
    const execution = spec.run
      ? new vscode.CustomExecution(async () => new CustomTaskTerminal(spec, project, projects))
      : this.shell(project, spec, def.args ?? []);
    const task = new vscode.Task(def, folder, name, 'Plugin Workbench', execution, spec.problemMatcher ?? []);
    task.detail = spec.detail;
    if (spec.group === 'build') task.group = vscode.TaskGroup.Build;
    if (spec.group === 'test') task.group = vscode.TaskGroup.Test;
    return task;
  }

  private shell(project: Project, spec: TaskSpec, extra: string[]): vscode.ShellExecution | vscode.CustomExecution {
    const tool = spec.tool!;
    const setting = systems().TOOLS[tool]?.setting;
    const configured = setting ? vscode.workspace.getConfiguration().get<string>(setting) : undefined;
    const lookup = systems().resolveTool(tool, configured || undefined);
    // A missing tool: the task explains what to install or set instead of failing obscurely.
    if ('missing' in lookup) {
      const missing = lookup.missing;
      return new vscode.CustomExecution(async () => new MessageTerminal(missing, setting));
    }
    return new vscode.ShellExecution(lookup.path, [...(spec.args ?? []), ...extra], { cwd: project.dir });
  }
}

/** Output and exit code of an in-process task in the terminal panel. */
abstract class TaskTerminal implements vscode.Pseudoterminal {
  private readonly write = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.write.event;
  readonly onDidClose = this.closed.event;

  open(): void {
    void this.run()
      .then(() => this.closed.fire(0))
      .catch((error: Error) => {
        this.line(`\x1b[31m${error.message}\x1b[0m`);
        this.closed.fire(1);
      });
  }

  /** The user closed the terminal: in-process work is short and finishes on its own. */
  close(): void {}

  protected line(text: string): void {
    this.write.fire(text.replace(/\n/g, '\r\n') + '\r\n');
  }

  protected abstract run(): Promise<void>;
}

class MessageTerminal extends TaskTerminal {
  constructor(
    private readonly message: string,
    private readonly setting?: string,
  ) {
    super();
  }
  protected async run(): Promise<void> {
    // A missing tool: where to set its path, and a button that opens the setting.
    if (this.setting) void showToolMissing(this.message, this.setting);
    throw new Error(this.setting ? `${this.message} ${whereToSet(this.setting)}` : this.message);
  }
}

class CustomTaskTerminal extends TaskTerminal {
  constructor(
    private readonly spec: TaskSpec,
    private readonly project: Project,
    private readonly projects: Project[],
  ) {
    super();
  }

  protected async run(): Promise<void> {
    const lines = await this.spec.run!({
      project: this.project,
      projects: this.projects,
      findFiles: async (glob) =>
        (await vscode.workspace.findFiles(glob, '**/node_modules/**')).map((uri) => uri.fsPath),
      display: (file) => vscode.workspace.asRelativePath(file),
    });
    for (const line of lines) this.line(line);
  }
}
