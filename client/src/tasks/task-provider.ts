import * as path from 'node:path';
import * as vscode from 'vscode';
import { builtWasm, tasksFor, type TaskSpec } from './catalog';
import { installWasm } from './custom/install-wasm';
import { packageEkuiper } from './custom/package-zip';
import { updateChecksum } from './custom/update-checksum';
import { detectProjects, type Project } from './projects';
import { resolveTool, TOOLS, type ToolName } from './tools';

export const TASK_TYPE = 'plugin-workbench';

/** What a task of ours says in tasks.json: `{ "type": "plugin-workbench", "task": "build", "project": "sub/dir" }`. */
export interface WorkbenchTaskDefinition extends vscode.TaskDefinition {
  task: string;
  /** The project folder relative to the workspace folder. */
  project?: string;
}

/** Offers the build, test and packaging tasks of every plugin project found in the workspace. */
export class WorkbenchTaskProvider implements vscode.TaskProvider {
  provideTasks(): vscode.Task[] {
    if (!vscode.workspace.isTrusted) return [];
    const tasks: vscode.Task[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const projects = detectProjects(folder.uri.fsPath);
      for (const project of projects) for (const spec of tasksFor(project)) tasks.push(this.toTask(folder, project, spec, projects));
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as WorkbenchTaskDefinition;
    const folder = task.scope && typeof task.scope === 'object' ? (task.scope as vscode.WorkspaceFolder) : vscode.workspace.workspaceFolders?.[0];
    if (!folder || !vscode.workspace.isTrusted) return undefined;
    const projects = detectProjects(folder.uri.fsPath);
    const project = projects.find((p) => path.relative(folder.uri.fsPath, p.dir) === (definition.project ?? ''));
    const spec = project && tasksFor(project).find((s) => s.id === definition.task);
    return project && spec ? this.toTask(folder, project, spec, projects, definition) : undefined;
  }

  private toTask(folder: vscode.WorkspaceFolder, project: Project, spec: TaskSpec, projects: Project[], definition?: WorkbenchTaskDefinition): vscode.Task {
    const relative = path.relative(folder.uri.fsPath, project.dir);
    const def: WorkbenchTaskDefinition = definition ?? { type: TASK_TYPE, task: spec.id, ...(relative ? { project: relative } : {}) };
    const name = `${project.system}: ${spec.label}${relative ? ` (${relative})` : ''}`;
    const execution = spec.custom ? new vscode.CustomExecution(async () => new CustomTaskTerminal(spec, project, projects)) : this.shell(project, spec);
    const task = new vscode.Task(def, folder, name, 'Plugin Workbench', execution, spec.problemMatcher ?? []);
    task.detail = spec.detail;
    if (spec.group === 'build') task.group = vscode.TaskGroup.Build;
    if (spec.group === 'test') task.group = vscode.TaskGroup.Test;
    return task;
  }

  private shell(project: Project, spec: TaskSpec): vscode.ShellExecution | vscode.CustomExecution {
    const tool = spec.tool as ToolName;
    const setting = TOOLS[tool].setting;
    const configured = setting ? vscode.workspace.getConfiguration().get<string>(setting) : undefined;
    const lookup = resolveTool(tool, configured || undefined);
    // A missing tool: the task explains what to install or set instead of failing obscurely.
    if ('missing' in lookup) return new vscode.CustomExecution(async () => new MessageTerminal(lookup.missing));
    return new vscode.ShellExecution(lookup.path, spec.args ?? [], { cwd: project.dir });
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
  constructor(private readonly message: string) {
    super();
  }
  protected async run(): Promise<void> {
    throw new Error(this.message);
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
    switch (this.spec.custom) {
      case 'update-checksum': {
        const binary = path.join(this.project.dir, this.project.name);
        const configs = await vscode.workspace.findFiles('**/{gatewayd_plugins,gatewayd_plugin}.yaml', '**/node_modules/**');
        let changed = 0;
        for (const config of configs) {
          for (const change of await updateChecksum(config.fsPath, binary)) {
            changed++;
            this.line(`${vscode.workspace.asRelativePath(change.file)}: ${change.plugin} checksum ${change.before ?? '(none)'} -> ${change.after}`);
          }
        }
        this.line(changed ? `Updated ${changed} checksum(s).` : `No plugin entry has localPath pointing at ${binary} (or its checksum is already right).`);
        return;
      }
      case 'package-zip': {
        const result = packageEkuiper(this.project);
        this.line(`Wrote ${result.zip}:`);
        for (const entry of result.entries) this.line(`  ${entry}`);
        return;
      }
      case 'install-wasm': {
        const target = installWasm(this.project, builtWasm(this.project), this.projects);
        this.line(`Installed ${this.project.name} into ${target}`);
        return;
      }
    }
  }
}
