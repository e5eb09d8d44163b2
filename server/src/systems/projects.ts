import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProperty, type ObjectNode, type SystemId } from '../core';

// What a system knows about plugin projects (not manifests): how a project folder is recognised,
// which tasks it offers, how its host runs it in dev mode. Pure Node, no editor: the client's
// task and debug providers are thin adapters over these shapes.

/** A plugin project (or host project) found in the workspace, with what its tasks need. */
export interface Project {
  /** The ProjectKind id. */
  kind: string;
  system: SystemId;
  dir: string;
  /** The plugin's name as its host knows it. */
  name: string;
  /** Kind-specific facts: `pluginType` (eKuiper), `version`, `manifest`, `baseDir` ... */
  details: Record<string, string>;
}

/** A folder being looked at for a project. */
export interface ProjectFolder {
  dir: string;
  /** The folder's own name. */
  base: string;
  /** Names of the files directly in it. */
  files: Set<string>;
  /** go.mod's text, '' without one. */
  goMod: string;
  /** A file's text (relative to the folder), undefined when it cannot be read. */
  read(relative: string): string | undefined;
  exists(relative: string): boolean;
}

/** One task a project offers: a tool run in a shell, or in-process work of ours. */
export interface TaskSpec {
  /** Stable id within the project, used in tasks.json: { "type": "plugin-workbench", "task": id }. */
  id: string;
  label: string;
  group?: 'build' | 'test';
  /** Shell tasks: the tool and its arguments. */
  tool?: string;
  args?: string[];
  problemMatcher?: string[];
  /** In-process tasks: the work, run by the editor in a task terminal. */
  run?: CustomTask;
  detail: string;
}

/** What an in-process task may ask of the editor. */
export interface CustomTaskContext {
  project: Project;
  /** Every project of the workspace folder. */
  projects: Project[];
  findFiles(glob: string): Promise<string[]>;
  /** A path as the user reads it (workspace-relative). */
  display(file: string): string;
}

/** In-process work; resolves to the lines to print, rejects with the message to show. */
export type CustomTask = (context: CustomTaskContext) => Promise<string[]>;

/** The attributes of a `plugin-host` launch configuration (see package.json contributes.debuggers). */
export interface PluginHostConfiguration {
  system: SystemId;
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
  /** `portable`: a portable plugin, `metadata` naming its manifest (`<name>.json`). */
  pluginType?: 'source' | 'sink' | 'function' | 'portable';
  // LogCraft
  wasm?: string;
  lgcProject?: string;
  baseDir?: string;
  command?: 'validate' | 'plan' | 'ping';
}

/** A ready-to-run launch configuration's attributes beyond type, request, project and system. */
export type LaunchAttributes = { name: string } & Partial<Omit<PluginHostConfiguration, 'system' | 'project'>>;

export interface ProjectKind {
  id: string;
  /** Detection order across systems: lower is tried first (a folder is one project). */
  priority: number;
  detect(folder: ProjectFolder): Pick<Project, 'name' | 'details'> | undefined;
  tasks(project: Project): TaskSpec[];
  /** The task run before the host starts (none where the host builds the plugin itself). */
  buildTask?: string;
  /** The launch configuration offered for the project, if its host can run it. */
  launch?(project: Project, projects: Project[]): LaunchAttributes;
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
  /** What the session says in the Debug Console before anything starts (a config it made, ...). */
  notes?: string[];
  steps: LaunchStep[];
}

/** Programs the plan runs, resolved beforehand (setting or PATH). */
export interface ResolvedTools {
  host?: string;
  go?: string;
}

/** How a system's host runs a plugin in dev mode. */
export interface HostDescriptor {
  /** The host program (a tool name); none where the host is built from source. */
  tool?: string;
  /** The plan needs `go` on PATH. */
  needsGo?: boolean;
  /** The plan needs a free port (chosen when the configuration names none). */
  needsPort?: boolean;
  /** A debugger the configuration needs from another extension, with the message when it is missing. */
  requiredDebugger?(config: PluginHostConfiguration): { type: string; message: string } | undefined;
  /** The dev-mode command line; nothing is started here. Throws LaunchConfigError. */
  plan(config: PluginHostConfiguration, tools: ResolvedTools): LaunchPlan;
}

/** A program tasks and launches run, with the setting or install step to name when it is missing. */
export interface ToolInfo {
  setting?: string;
  install: string;
}

export class LaunchConfigError extends Error {}

export function need<T>(value: T | undefined, message: string): T {
  if (value === undefined || value === '') throw new LaunchConfigError(message);
  return value;
}

export function mustExist(file: string, what: string): string {
  if (!fs.existsSync(file)) throw new LaunchConfigError(`${what} ${file} does not exist.`);
  return file;
}

export function tempFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-workbench-')), name);
}

/** Replaces the text of a value node (keeping quotes), or adds `key: value` under `owner`. */
export function setYamlValue(text: string, owner: ObjectNode, key: string, value: string): string {
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

/** `VERSION ?= 1.2.0` in a Makefile. */
export function makeVariable(folder: ProjectFolder, name: string): string | undefined {
  const text = folder.read('Makefile');
  return text ? new RegExp(`^${name}\\s*[?:]?=\\s*v?(\\S+)`, 'm').exec(text)?.[1] : undefined;
}

export function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
