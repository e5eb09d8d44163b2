import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PluginHostConfiguration } from '../../../server/src/systems';
import { systems } from '../server-api';
import { TASK_TYPE, type WorkbenchTaskDefinition } from '../tasks/task-provider';
import { hasDebuggerType } from './plugin-debugger';
import { showToolMissing } from '../commands/tool-missing';

export const DEBUG_TYPE = 'plugin-host';

type LaunchConfiguration = vscode.DebugConfiguration & Partial<PluginHostConfiguration> & { build?: boolean };

/** One ready-to-run configuration per detected project. */
export function configurationsFor(folder: vscode.WorkspaceFolder): LaunchConfiguration[] {
  const root = folder.uri.fsPath;
  const projects = systems().detectProjects(root);
  const at = (p: { dir: string }) => {
    const relative = path.relative(root, p.dir);
    return relative ? `\${workspaceFolder}/${relative.split(path.sep).join('/')}` : '${workspaceFolder}';
  };
  return systems()
    .launchConfigurations(projects, root)
    .map(({ project, attributes }) => ({ type: DEBUG_TYPE, request: 'launch', project: at(project), ...attributes }));
}

export class PluginHostConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): vscode.DebugConfiguration[] {
    return folder ? configurationsFor(folder) : [];
  }

  resolveDebugConfiguration(
    folder: vscode.WorkspaceFolder | undefined,
    config: LaunchConfiguration,
  ): LaunchConfiguration | undefined {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(
        'Plugin Workbench runs no host in an untrusted folder. Trust the folder to start a dev-mode session.',
      );
      return undefined;
    }
    if (!config.type && folder) {
      // F5 without a launch.json: the first project found.
      const [first] = configurationsFor(folder);
      if (!first) {
        const names = systems().SYSTEMS.map((s) => s.name);
        void vscode.window.showInformationMessage(
          `No ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]} plugin project found in this folder.`,
        );
        return undefined;
      }
      return first;
    }
    return config;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(
    folder: vscode.WorkspaceFolder | undefined,
    config: LaunchConfiguration,
  ): Promise<LaunchConfiguration | undefined> {
    const fail = (message: string) => {
      void vscode.window.showErrorMessage(`${config.name}: ${message}`);
      return undefined;
    };
    const api = systems();
    const system = config.system;
    const host = system ? api.systemById(system)?.host : undefined;
    if (!system || !host) return fail(`"system" must be one of ${api.HOST_SYSTEMS.map((s) => s.id).join(', ')}.`);
    const project = path.resolve(folder?.uri.fsPath ?? '', config.project ?? '.');
    const debuggerNeeded = host.requiredDebugger?.(config as PluginHostConfiguration);
    if (debuggerNeeded && !hasDebuggerType(debuggerNeeded.type)) return fail(debuggerNeeded.message);
    const tools: { host?: string; go?: string } = {};
    if (host.tool) {
      const lookup = api.resolveTool(
        host.tool,
        vscode.workspace.getConfiguration().get<string>(`pluginWorkbench.${system}.path`) || undefined,
      );
      if ('missing' in lookup) {
        void showToolMissing(`${config.name}: ${lookup.missing}`, api.TOOLS[host.tool]?.setting);
        return undefined;
      }
      tools.host = lookup.path;
    }
    if (host.needsGo) {
      const go = api.resolveTool('go', undefined);
      if ('missing' in go) return fail(go.missing);
      tools.go = go.path;
    }
    if (config.build !== false && !config.preLaunchTask && folder) {
      const built = await this.build(folder, project);
      if (!built) return undefined;
    }
    try {
      const port = host.needsPort ? (config.port ?? (await freePort())) : config.port;
      const plan = api.buildLaunchPlan({ ...(config as PluginHostConfiguration), system, project, port }, tools);
      return { ...config, project, port, plan };
    } catch (error) {
      if (error instanceof api.LaunchConfigError) return fail(error.message);
      throw error;
    }
  }

  /** Runs the project's build task and waits for it; false (with a message) when it fails. */
  private async build(folder: vscode.WorkspaceFolder, projectDir: string): Promise<boolean> {
    const project = systems().detectProjects(projectDir, 0)[0];
    const taskId = project && systems().buildTaskFor(project);
    if (!taskId) return true;
    const relative = path.relative(folder.uri.fsPath, projectDir);
    const tasks = await vscode.tasks.fetchTasks({ type: TASK_TYPE });
    // The project's own folder too: two workspace folders may hold projects at the same relative path.
    const task = tasks.find((t) => {
      const d = t.definition as WorkbenchTaskDefinition;
      const scope = typeof t.scope === 'object' ? t.scope.uri.toString() : undefined;
      return d.task === taskId && (d.project ?? '') === relative && scope === folder.uri.toString();
    });
    if (!task) return true;
    const execution = await vscode.tasks.executeTask(task);
    const exitCode = await new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution === execution) {
          listener.dispose();
          resolve(event.exitCode);
        }
      });
    });
    if (exitCode !== 0) {
      void vscode.window.showErrorMessage(
        `The build task "${task.name}" failed (exit ${exitCode}); the host was not started.`,
      );
      return false;
    }
    return true;
  }
}

export class PluginHostAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    // The debug adapter library loads with the first session, not when the extension activates.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PluginHostSession } = require('./host-session') as typeof import('./host-session');
    return new vscode.DebugAdapterInlineImplementation(new PluginHostSession());
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
