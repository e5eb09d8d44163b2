import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readYaml } from '../../../server/src/core/parse/yaml-reader';
import { findProperty } from '../../../server/src/core/parse/tree-builder';
import { stringValue } from '../../../server/src/core/tree-query';
import type { ObjectNode } from '../../../server/src/core/types';

export type HostSystem = 'gatewayd' | 'cloudquery' | 'ekuiper' | 'anklet' | 'logcraft';

/** The attributes of a `plugin-host` launch configuration (see package.json contributes.debuggers). */
export interface PluginHostConfiguration {
  system: HostSystem;
  /** The plugin project folder (default: the workspace folder). */
  project: string;
  /** Extra environment for the host. */
  env?: Record<string, string>;
  /** Extra arguments for the host. */
  args?: string[];
  // GatewayD
  config?: string;
  pluginsConfig?: string;
  binary?: string;
  plugin?: string;
  // CloudQuery
  spec?: string;
  port?: number;
  /** Serve the plugin under the Go debugger (a child `go` debug session) instead of `go run`. */
  debugPlugin?: boolean;
  // eKuiper
  soFile?: string;
  metadata?: string;
  sourceYaml?: string;
  pluginType?: 'source' | 'sink' | 'function';
  // LogCraft
  wasm?: string;
  lgcProject?: string;
  baseDir?: string;
  command?: 'validate' | 'plan' | 'ping';
}

export interface LaunchStep {
  role: 'plugin-server' | 'host';
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** For a plugin server: the host starts once this port accepts connections. */
  waitForPort?: number;
  /**
   * Started by the editor as a child debug session with this configuration instead of being
   * spawned by the adapter (the Go extension's `go` debugger); the adapter only waits for its port.
   */
  debugger?: Record<string, unknown>;
}

export interface LaunchPlan {
  /** Files to put in place before anything starts. */
  copies: Array<{ from: string; to: string }>;
  /** Generated files (a dev-mode copy of a config) with their content. */
  writes: Array<{ file: string; content: string }>;
  steps: LaunchStep[];
}

export class LaunchConfigError extends Error {}

/** Programs the plan runs, resolved beforehand (setting or PATH). */
export interface ResolvedTools {
  host?: string;
  go?: string;
}

function need<T>(value: T | undefined, message: string): T {
  if (value === undefined || value === '') throw new LaunchConfigError(message);
  return value;
}

function mustExist(file: string, what: string): string {
  if (!fs.existsSync(file)) throw new LaunchConfigError(`${what} ${file} does not exist.`);
  return file;
}

function tempFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-workbench-')), name);
}

/** Replaces the text of a value node (keeping quotes), or adds `key: value` under `owner`. */
function setYamlValue(text: string, owner: ObjectNode, key: string, value: string): string {
  const property = findProperty(owner, key);
  if (property && property.value.end > property.value.start) {
    return text.slice(0, property.value.start) + JSON.stringify(value) + text.slice(property.value.end);
  }
  const first = owner.properties[0];
  const lineStart = text.lastIndexOf('\n', first.keyStart - 1) + 1;
  const indent = ' '.repeat(first.keyStart - lineStart);
  if (property) return text.slice(0, property.keyEnd) + `: ${JSON.stringify(value)}` + text.slice(property.value.end);
  return text.slice(0, lineStart) + `${indent}${key}: ${JSON.stringify(value)}\n` + text.slice(lineStart);
}

/** The dev-mode command line for each host; nothing is started here. */
export function buildLaunchPlan(config: PluginHostConfiguration, tools: ResolvedTools): LaunchPlan {
  const env = { ...(config.env ?? {}) };
  const project = config.project;
  switch (config.system) {
    case 'gatewayd': {
      const host = need(tools.host, 'gatewayd was not found: set pluginWorkbench.gatewayd.path to the gatewayd executable.');
      const gatewaydConfig = mustExist(path.resolve(project, config.config ?? 'gatewayd.yaml'), 'The GatewayD config (attribute "config")');
      const pluginsFile = mustExist(path.resolve(project, config.pluginsConfig ?? 'gatewayd_plugins.yaml'), 'The plugins config (attribute "pluginsConfig")');
      const binary = path.resolve(project, need(config.binary, 'Name the built plugin binary in the "binary" attribute.'));
      // A dev-mode copy of the plugins config whose entry points at the fresh build.
      const text = fs.readFileSync(pluginsFile, 'utf8');
      const root = readYaml(text, { version: '1.2' }).documents[0]?.root;
      const plugins = findProperty(root, 'plugins')?.value;
      const entries = plugins?.type === 'array' ? plugins.items.filter((i): i is ObjectNode => i.type === 'object') : [];
      const entry = config.plugin ? entries.find((e) => stringValue(findProperty(e, 'name')?.value) === config.plugin) : entries.length === 1 ? entries[0] : undefined;
      if (!entry) {
        const names = entries.map((e) => stringValue(findProperty(e, 'name')?.value)).filter(Boolean);
        throw new LaunchConfigError(
          config.plugin ? `No plugin named "${config.plugin}" in ${pluginsFile} (it has: ${names.join(', ') || 'none'}).` : `Name the plugin entry to run in the "plugin" attribute (${pluginsFile} has: ${names.join(', ') || 'none'}).`,
        );
      }
      const devConfig = tempFile('gatewayd_plugins.dev.yaml');
      return {
        copies: [],
        writes: [{ file: devConfig, content: setYamlValue(text, entry, 'localPath', binary) }],
        steps: [{ role: 'host', command: host, args: ['run', '--dev', '-c', gatewaydConfig, '-p', devConfig, ...(config.args ?? [])], cwd: project, env }],
      };
    }
    case 'cloudquery': {
      const host = need(tools.host, 'cloudquery was not found: set pluginWorkbench.cloudquery.path to the cloudquery executable.');
      const go = need(tools.go, 'go was not found on PATH: install Go to serve the plugin.');
      const port = need(config.port, 'A free port is needed for the plugin server ("port").');
      const specFile = mustExist(path.resolve(project, config.spec ?? 'test/config.yml'), 'The sync spec (attribute "spec")');
      // The spec's entry for this plugin (registry local or grpc) now points at the served plugin.
      let text = fs.readFileSync(specFile, 'utf8');
      const documents = readYaml(text, { version: '1.1' }).documents;
      const target = [...documents].reverse().find((d) => {
        const spec = findProperty(d.root, 'spec')?.value;
        const registry = stringValue(findProperty(spec, 'registry')?.value);
        return (config.plugin ? stringValue(findProperty(spec, 'name')?.value) === config.plugin : registry === 'local' || registry === 'grpc') && spec?.type === 'object';
      });
      const spec = findProperty(target?.root, 'spec')?.value as ObjectNode | undefined;
      if (!spec) throw new LaunchConfigError(`${specFile} has no spec with registry: local or grpc for this plugin${config.plugin ? ` (named "${config.plugin}")` : ''}.`);
      text = setYamlValue(text, spec, 'path', `localhost:${port}`);
      const reparsed = readYaml(text, { version: '1.1' }).documents[documents.indexOf(target!)];
      text = setYamlValue(text, findProperty(reparsed.root, 'spec')!.value as ObjectNode, 'registry', 'grpc');
      const devSpec = tempFile(path.basename(specFile));
      return {
        copies: [],
        writes: [{ file: devSpec, content: text }],
        steps: [
          {
            role: 'plugin-server',
            command: go,
            args: ['run', 'main.go', 'serve', '--address', `localhost:${port}`],
            cwd: project,
            env,
            waitForPort: port,
            ...(config.debugPlugin
              ? { debugger: { type: 'go', request: 'launch', name: `CloudQuery plugin on localhost:${port}`, mode: 'debug', program: project, cwd: project, args: ['serve', '--address', `localhost:${port}`], env } }
              : {}),
          },
          { role: 'host', command: host, args: ['sync', devSpec, '--log-console', ...(config.args ?? [])], cwd: path.dirname(specFile), env },
        ],
      };
    }
    case 'ekuiper': {
      const host = need(tools.host, 'kuiperd was not found: set pluginWorkbench.ekuiper.path to <eKuiper>/bin/kuiperd.');
      const home = path.dirname(path.dirname(host));
      const type = need(config.pluginType, 'Say which kind of plugin this is ("pluginType": source, sink or function).');
      const so = mustExist(path.resolve(project, need(config.soFile, 'Name the built .so in the "soFile" attribute.')), 'The plugin');
      const copies = [{ from: so, to: path.join(home, 'plugins', `${type}s`, path.basename(so)) }];
      if (config.metadata) copies.push({ from: mustExist(path.resolve(project, config.metadata), 'The metadata'), to: path.join(home, 'etc', `${type}s`, path.basename(config.metadata)) });
      if (config.sourceYaml) copies.push({ from: mustExist(path.resolve(project, config.sourceYaml), 'The source config'), to: path.join(home, 'etc', 'sources', path.basename(config.sourceYaml)) });
      return { copies, writes: [], steps: [{ role: 'host', command: host, args: [...(config.args ?? [])], cwd: home, env }] };
    }
    case 'anklet': {
      const go = need(tools.go, 'go was not found on PATH: install Go to run Anklet from source.');
      const configFile = mustExist(path.resolve(project, config.config ?? 'config.yml'), 'The Anklet config (attribute "config")');
      return { copies: [], writes: [], steps: [{ role: 'host', command: go, args: ['run', 'main.go', '-c', configFile, ...(config.args ?? [])], cwd: project, env: { LOG_LEVEL: 'dev', ...env } }] };
    }
    case 'logcraft': {
      const host = need(tools.host, 'lgc was not found: set pluginWorkbench.logcraft.path to the lgc executable.');
      const wasm = mustExist(path.resolve(project, need(config.wasm, 'Name the built .wasm in the "wasm" attribute.')), 'The plugin');
      const lgcProject = path.resolve(project, need(config.lgcProject, 'Name the LogCraft project folder (with lgc.toml) in "lgcProject".'));
      mustExist(path.join(lgcProject, 'lgc.toml'), 'The LogCraft config');
      const baseDir = path.resolve(lgcProject, config.baseDir ?? '.');
      const pluginName = path.basename(wasm, '.wasm').replace(/_/g, '-');
      return {
        copies: [{ from: wasm, to: path.join(baseDir, 'plugins', `${pluginName}.wasm`) }],
        writes: [],
        steps: [{ role: 'host', command: host, args: [config.command ?? 'validate', ...(config.args ?? [])], cwd: lgcProject, env }],
      };
    }
  }
}

