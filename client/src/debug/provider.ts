import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { detectProjects, type Project } from '../tasks/projects';
import { TASK_TYPE, type WorkbenchTaskDefinition } from '../tasks/task-provider';
import { resolveTool, type ToolName } from '../tasks/tools';
import { PluginHostSession } from './host-session';
import { buildLaunchPlan, LaunchConfigError, type HostSystem, type PluginHostConfiguration } from './launch-plan';
import { hasDebuggerType } from './plugin-debugger';

export const DEBUG_TYPE = 'plugin-host';

const HOST_TOOL: Record<HostSystem, ToolName | undefined> = { gatewayd: 'gatewayd', cloudquery: 'cloudquery', ekuiper: 'kuiperd', anklet: undefined, logcraft: 'lgc' };
const SETTING: Record<HostSystem, string> = {
  gatewayd: 'pluginWorkbench.gatewayd.path',
  cloudquery: 'pluginWorkbench.cloudquery.path',
  ekuiper: 'pluginWorkbench.ekuiper.path',
  anklet: 'pluginWorkbench.anklet.path',
  logcraft: 'pluginWorkbench.logcraft.path',
};
/** The build task each project kind runs before its host starts (none where the host builds it). */
const BUILD_TASK: Partial<Record<Project['kind'], string>> = {
  'gatewayd-plugin': 'build-dev',
  'ekuiper-native': 'build',
  'logcraft-plugin-rust': 'build-wasm',
  'logcraft-plugin-python': 'build-wasm',
};

type LaunchConfiguration = vscode.DebugConfiguration & Partial<PluginHostConfiguration> & { build?: boolean };

/** One ready-to-run configuration per detected project. */
export function configurationsFor(folder: vscode.WorkspaceFolder): LaunchConfiguration[] {
  const root = folder.uri.fsPath;
  const projects = detectProjects(root);
  const at = (p: Project) => {
    const relative = path.relative(root, p.dir);
    return relative ? `\${workspaceFolder}/${relative.split(path.sep).join('/')}` : '${workspaceFolder}';
  };
  const configurations: LaunchConfiguration[] = [];
  for (const p of projects) {
    const base = { type: DEBUG_TYPE, request: 'launch', project: at(p) };
    if (p.kind === 'gatewayd-plugin') configurations.push({ ...base, name: `GatewayD: ${p.name} (dev mode)`, system: 'gatewayd', binary: p.name, plugin: p.name, config: 'gatewayd.yaml', pluginsConfig: 'gatewayd_plugin.yaml' });
    if (p.kind === 'cloudquery-plugin') configurations.push({ ...base, name: `CloudQuery: sync with ${p.name}`, system: 'cloudquery', spec: 'test/config.yml' });
    if (p.kind === 'ekuiper-native') {
      const symbol = p.name.charAt(0).toUpperCase() + p.name.slice(1);
      configurations.push({
        ...base,
        name: `eKuiper: kuiperd with ${p.name}`,
        system: 'ekuiper',
        pluginType: p.details.pluginType as PluginHostConfiguration['pluginType'],
        soFile: `plugins/${p.details.pluginType}s/${symbol}@v${p.details.version}.so`,
        metadata: path.relative(p.dir, p.details.metadata),
        ...(p.details.pluginType === 'source' ? { sourceYaml: path.relative(p.dir, p.details.metadata).replace(/\.json$/, '.yaml') } : {}),
      });
    }
    if (p.kind === 'anklet') configurations.push({ ...base, name: 'Anklet: run with config.yml', system: 'anklet', config: 'config.yml' });
    if (p.kind === 'logcraft-plugin-rust' || p.kind === 'logcraft-plugin-python') {
      const project = projects.find((q) => q.kind === 'logcraft-project');
      const wasm = p.kind === 'logcraft-plugin-rust' ? `target/wasm32-wasip2/release/${p.details.crate}.wasm` : `${p.name}.wasm`;
      configurations.push({ ...base, name: `LogCraft: lgc validate with ${p.name}`, system: 'logcraft', wasm, lgcProject: project ? path.relative(p.dir, project.dir) || '.' : '../lgc-project', command: 'validate' });
    }
  }
  return configurations;
}

export class PluginHostConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): vscode.DebugConfiguration[] {
    return folder ? configurationsFor(folder) : [];
  }

  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: LaunchConfiguration): LaunchConfiguration | undefined {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Plugin Workbench runs no host in an untrusted folder. Trust the folder to start a dev-mode session.');
      return undefined;
    }
    if (!config.type && folder) {
      // F5 without a launch.json: the first project found.
      const [first] = configurationsFor(folder);
      if (!first) {
        void vscode.window.showInformationMessage('No CloudQuery, GatewayD, eKuiper, Anklet or LogCraft plugin project found in this folder.');
        return undefined;
      }
      return first;
    }
    return config;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, config: LaunchConfiguration): Promise<LaunchConfiguration | undefined> {
    const fail = (message: string) => {
      void vscode.window.showErrorMessage(`${config.name}: ${message}`);
      return undefined;
    };
    const system = config.system;
    if (!system || !(system in SETTING)) return fail(`"system" must be one of ${Object.keys(SETTING).join(', ')}.`);
    const project = path.resolve(folder?.uri.fsPath ?? '', config.project ?? '.');
    if (config.debugPlugin && system === 'cloudquery' && !hasDebuggerType('go')) {
      return fail('"debugPlugin" serves the plugin under the Go debugger, which comes with the Go extension (golang.go): install it, or set "debugPlugin": false to serve the plugin with go run.');
    }
    const tools: { host?: string; go?: string } = {};
    const hostTool = HOST_TOOL[system];
    if (hostTool) {
      const lookup = resolveTool(hostTool, vscode.workspace.getConfiguration().get<string>(SETTING[system]) || undefined);
      if ('missing' in lookup) return fail(lookup.missing);
      tools.host = lookup.path;
    }
    if (system === 'cloudquery' || system === 'anklet') {
      const go = resolveTool('go', undefined);
      if ('missing' in go) return fail(go.missing);
      tools.go = go.path;
    }
    if (config.build !== false && !config.preLaunchTask && folder) {
      const built = await this.build(folder, project);
      if (!built) return undefined;
    }
    try {
      const port = system === 'cloudquery' ? config.port ?? (await freePort()) : config.port;
      const plan = buildLaunchPlan({ ...(config as PluginHostConfiguration), system, project, port }, tools);
      return { ...config, project, port, plan };
    } catch (error) {
      if (error instanceof LaunchConfigError) return fail(error.message);
      throw error;
    }
  }

  /** Runs the project's build task and waits for it; false (with a message) when it fails. */
  private async build(folder: vscode.WorkspaceFolder, projectDir: string): Promise<boolean> {
    const project = detectProjects(projectDir, 0)[0];
    const taskId = project && BUILD_TASK[project.kind];
    if (!taskId) return true;
    const relative = path.relative(folder.uri.fsPath, projectDir);
    const tasks = await vscode.tasks.fetchTasks({ type: TASK_TYPE });
    const task = tasks.find((t) => {
      const d = t.definition as WorkbenchTaskDefinition;
      return d.task === taskId && (d.project ?? '') === relative;
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
      void vscode.window.showErrorMessage(`The build task "${task.name}" failed (exit ${exitCode}); the host was not started.`);
      return false;
    }
    return true;
  }
}

export class PluginHostAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
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
