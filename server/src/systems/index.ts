// Every plugin system the workbench knows, one descriptor per folder. Adding a system is adding
// a folder here (see docs/ARCHITECTURE.md); everything below is derived from SYSTEMS.
import {
  deriveFrom,
  slashPath,
  type FileAccess,
  classify as classifyWith,
  classifyByName as classifyByNameWith,
  type Classification,
  type ClassifyInput,
  type KindDefinition,
  type KindId,
  type SystemId,
} from '../core';
import type { Rule } from './rule';
import { anklet } from './anklet';
import { cloudquery } from './cloudquery';
import { ekuiper } from './ekuiper';
import { gatewayd } from './gatewayd';
import { logcraft } from './logcraft';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTargets, readMakefile } from './makefile';
import {
  readText,
  type LaunchAttributes,
  type LaunchPlan,
  type PluginHostConfiguration,
  type Project,
  type ProjectFolder,
  type ResolvedTools,
  type TaskSpec,
  type ToolInfo,
  LaunchConfigError,
} from './projects';
import { resolveToolWith, SHARED_TOOLS, type ToolLookup } from './tools';
import type { SystemDescriptor } from './types';

export type * from './types';
export * from './projects';
export { makeTargets, makeVariableValue, readMakefile } from './makefile';
export { changelogVersion, latestTag, releaseVersion } from './release-version';
export { onPath, type ToolLookup } from './tools';

/** In order of precedence: classification tries kinds in this order. */
export const SYSTEMS: readonly SystemDescriptor[] = [cloudquery, gatewayd, ekuiper, anklet, logcraft];

export const SYSTEM_IDS: readonly SystemId[] = SYSTEMS.map((s) => s.id);

/** Every kind of every system, in classification order. */
export const KIND_TABLE: readonly KindDefinition[] = SYSTEMS.flatMap((s) => s.kinds);
export const KIND_IDS: readonly KindId[] = KIND_TABLE.map((k) => k.id);
export const KINDS: Readonly<Record<KindId, KindDefinition>> = Object.fromEntries(KIND_TABLE.map((k) => [k.id, k]));

/** Every rule beyond the schemas; each applies to the kinds it names. */
export const ALL_RULES: readonly Rule[] = SYSTEMS.flatMap((s) => s.rules);

export function isKindId(value: string): value is KindId {
  return Object.prototype.hasOwnProperty.call(KINDS, value);
}

export function systemOf(kind: KindId): SystemId {
  return KINDS[kind].system;
}

export function systemById(id: SystemId): SystemDescriptor | undefined {
  return SYSTEMS.find((s) => s.id === id);
}

/** Classification over the kinds of every system. */
export function classify(input: ClassifyInput): Classification {
  return classifyWith(input, KIND_TABLE);
}

/** What a file's name and place alone make it (no text read): how a plugin zip is told before reading. */
export function classifyByName(input: ClassifyInput): Classification {
  return classifyByNameWith(input, KIND_TABLE);
}

const BINARY_PATHS = KIND_TABLE.filter((k) => k.format === 'binary').flatMap((k) => k.paths ?? []);

/**
 * Whether a binary kind's name pattern fits the path: where none does, classifyByName cannot make
 * the file binary, and a CLI run of thousands of YAML files skips it (the name is tested again
 * against every kind when the file is classified).
 */
export function mayBeBinaryByName(file: string): boolean {
  const slashed = slashPath(file);
  return BINARY_PATHS.some((pattern) => pattern.test(slashed));
}

/**
 * The classification of a file as it is on disk, once per file version (size, mtime) where the
 * file access caches: the engine checking the file and a sibling's folder index share it instead
 * of each reading the file to sniff its kind.
 */
export function classifyOnDisk(file: string, files: FileAccess): Classification | undefined {
  return deriveFrom(files, file, 'classify.on-disk', (text) => classify({ path: file, text, files }));
}

// Plugin projects, tasks and dev-mode launches, for the client's task and debug providers.

/** Every tool a task or launch may run, with its setting and install hint. */
export const TOOLS: Readonly<Record<string, ToolInfo>> = Object.assign(
  {},
  SHARED_TOOLS,
  ...SYSTEMS.map((system) => system.tools ?? {}),
);

/**
 * Finds a tool: the configured path when there is a setting for it, else PATH. The message for a
 * missing tool names the setting or the install step.
 */
export function resolveTool(
  tool: string,
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ToolLookup {
  return resolveToolWith(TOOLS[tool] ?? { install: `Install ${tool}.` }, tool, configured, env);
}

const PROJECT_KINDS = SYSTEMS.flatMap((system) =>
  (system.projects ?? []).map((kind) => ({ kind, system: system.id })),
).sort((a, b) => a.kind.priority - b.kind.priority);
const SKIP = new Set(['node_modules', 'target', 'dist', 'vendor', 'out', 'build']);

/** Walks a folder (a few levels deep) and recognises the projects in it. */
export function detectProjects(root: string, maxDepth = 4): Project[] {
  const found: Project[] = [];
  const visit = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    const project = recognise(dir, files);
    if (project) found.push(project);
    if (depth >= maxDepth) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP.has(entry.name))
        visit(path.join(dir, entry.name), depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

function recognise(dir: string, files: Set<string>): Project | undefined {
  const folder: ProjectFolder = {
    dir,
    base: path.basename(dir),
    files,
    goMod: files.has('go.mod') ? (readText(path.join(dir, 'go.mod')) ?? '') : '',
    read: (relative) => readText(path.join(dir, relative)),
    exists: (relative) => fs.existsSync(path.join(dir, relative)),
  };
  for (const { kind, system } of PROJECT_KINDS) {
    const found = kind.detect(folder);
    if (found) return { kind: kind.id, system, dir, ...found };
  }
  return undefined;
}

function projectKind(project: Project) {
  return PROJECT_KINDS.find((entry) => entry.kind.id === project.kind)?.kind;
}

/** A project's tasks; a `make` task only when the project's Makefile has its target. */
export function tasksFor(project: Project): TaskSpec[] {
  const tasks = projectKind(project)?.tasks(project) ?? [];
  if (!tasks.some((t) => t.tool === 'make')) return tasks;
  const makefile = readMakefile(project.dir);
  const targets = makefile === undefined ? new Set<string>() : makeTargets(makefile);
  return tasks.filter(
    (t) =>
      t.tool !== 'make' ||
      (t.args ?? []).filter((a) => !a.startsWith('-') && !a.includes('=')).every((target) => targets.has(target)),
  );
}

/** The task a project's launch runs first, if any. */
export function buildTaskFor(project: Project): string | undefined {
  return projectKind(project)?.buildTask;
}

/**
 * One ready-to-run launch configuration per project whose host can run it. Names that two
 * projects share (two plugins called alike in different folders) get the project's folder,
 * relative to `root`, so VS Code does not tell them apart by "(1)".
 */
export function launchConfigurations(
  projects: Project[],
  root?: string,
): Array<{ project: Project; attributes: LaunchAttributes & { system: SystemId } }> {
  const result: Array<{ project: Project; attributes: LaunchAttributes & { system: SystemId } }> = [];
  for (const project of projects) {
    const launch = projectKind(project)?.launch;
    if (launch) result.push({ project, attributes: { ...launch(project, projects), system: project.system } });
  }
  const count = new Map<string, number>();
  for (const { attributes } of result) count.set(attributes.name, (count.get(attributes.name) ?? 0) + 1);
  for (const entry of result) {
    if ((count.get(entry.attributes.name) ?? 0) < 2) continue;
    const folder = root ? path.relative(root, entry.project.dir).split(path.sep).join('/') : '';
    entry.attributes = {
      ...entry.attributes,
      name: `${entry.attributes.name} (${folder || path.basename(entry.project.dir)})`,
    };
  }
  return result;
}

/** Systems whose host the `plugin-host` debugger can run. */
export const HOST_SYSTEMS: readonly SystemDescriptor[] = SYSTEMS.filter((system) => system.host);

/** The dev-mode command line for the configuration's host; nothing is started here. */
export function buildLaunchPlan(config: PluginHostConfiguration, tools: ResolvedTools): LaunchPlan {
  const host = systemById(config.system)?.host;
  if (!host) throw new LaunchConfigError(`"system" must be one of ${HOST_SYSTEMS.map((s) => s.id).join(', ')}.`);
  return host.plan(config, tools);
}
