import * as path from 'node:path';
import { findProperty, readToml, stringValue } from '../../core';
import {
  mustExist,
  need,
  type CustomTask,
  type HostDescriptor,
  type Project,
  type ProjectKind,
  type TaskSpec,
  type ToolInfo,
} from '../projects';
import { devProjectFor, installWasm } from './install-wasm';

const PROJECT = 'logcraft-project';
const RUST = 'logcraft-plugin-rust';
/**
 * The module componentize-py generates the bindings in; the Python template imports `wit_world`
 * (componentize-py 0.17+ names it so by default; passed explicitly, as the template's Makefile does).
 */
const WORLD_MODULE = 'wit_world';

export const LOGCRAFT_TOOLS: Record<string, ToolInfo> = {
  lgc: { setting: 'pluginWorkbench.logcraft.path', install: 'Install the LogCraft CLI (https://docs.logcraft.io/)' },
};

/** Where the built wasm of a LogCraft plugin project lands. */
export function builtWasm(project: Project): string {
  return project.kind === RUST
    ? path.join(project.dir, 'target', 'wasm32-wasip2', 'release', `${project.details.crate}.wasm`)
    : path.join(project.dir, `${project.name}.wasm`);
}

const install: CustomTask = async ({ project, projects }) => [
  `Installed ${project.name} into ${installWasm(project, builtWasm(project), projects)}`,
];
const installTask: TaskSpec = {
  id: 'install',
  label: 'install into base_dir/plugins',
  run: install,
  detail: 'copy the built .wasm into <base_dir>/plugins/ of the LogCraft project',
};

/** A plugin runs under `lgc validate` in the LogCraft project its install task fills (see devProjectFor). */
const launch = (p: Project, projects: Project[]) => {
  const project = devProjectFor(p, projects);
  const relative = (to: string) => path.relative(p.dir, to).split(path.sep).join('/') || '.';
  return {
    name: `LogCraft: lgc validate with ${p.name}`,
    wasm: relative(builtWasm(p)),
    lgcProject: project ? relative(project.dir) : '../lgc-project',
    ...(project && path.resolve(project.details.baseDir) !== path.resolve(project.dir)
      ? { baseDir: path.relative(project.dir, project.details.baseDir).split(path.sep).join('/') }
      : {}),
    command: 'validate' as const,
  };
};

export const LOGCRAFT_PROJECTS: ProjectKind[] = [
  {
    id: PROJECT,
    priority: 50,
    detect: (folder) => {
      if (!folder.files.has('lgc.toml')) return undefined;
      const root = readToml(folder.read('lgc.toml') ?? '').documents[0]?.root;
      const baseDir = stringValue(findProperty(findProperty(root, 'core')?.value, 'base_dir')?.value) ?? '.';
      return { name: folder.base, details: { baseDir: path.resolve(folder.dir, baseDir) } };
    },
    // Each service's code lenses run these with its id (actions.ts); without one, for every service.
    tasks: () => [
      { id: 'validate', label: 'validate', tool: 'lgc', args: ['validate'], detail: 'lgc validate' },
      { id: 'plan', label: 'plan', tool: 'lgc', args: ['plan'], detail: 'lgc plan' },
    ],
  },
  {
    id: RUST,
    priority: 60,
    detect: (folder) => {
      if (!folder.exists('wit')) return undefined;
      const cargo = folder.files.has('Cargo.toml') ? (folder.read('Cargo.toml') ?? '') : '';
      if (!cargo.includes('wit-bindgen')) return undefined;
      const name = /^\s*name\s*=\s*"([^"]+)"/m.exec(cargo)?.[1] ?? folder.base;
      return { name, details: { crate: name.replace(/-/g, '_') } };
    },
    tasks: () => [
      {
        id: 'build-wasm',
        label: 'build wasm',
        group: 'build',
        tool: 'cargo',
        args: ['build', '--release', '--target', 'wasm32-wasip2'],
        problemMatcher: ['$rustc'],
        detail: 'cargo build --release --target wasm32-wasip2',
      },
      installTask,
    ],
    buildTask: 'build-wasm',
    launch,
  },
  {
    id: 'logcraft-plugin-python',
    priority: 61,
    detect: (folder) => {
      if (!folder.exists('wit')) return undefined;
      const cargo = folder.files.has('Cargo.toml') ? (folder.read('Cargo.toml') ?? '') : '';
      if (cargo.includes('wit-bindgen')) return undefined;
      const entry = ['main.py', 'app.py', 'plugin.py'].find((f) => folder.files.has(f));
      return entry ? { name: folder.base, details: { entry: entry.replace(/\.py$/, '') } } : undefined;
    },
    tasks: (p) => [
      {
        id: 'build-wasm',
        label: 'build wasm',
        group: 'build',
        tool: 'componentize-py',
        args: [
          '--wit-path',
          'wit',
          '--world',
          'plugins',
          '--world-module',
          WORLD_MODULE,
          'componentize',
          p.details.entry,
          '-o',
          `${p.name}.wasm`,
        ],
        detail: `componentize-py ... --world-module ${WORLD_MODULE} componentize`,
      },
      installTask,
    ],
    buildTask: 'build-wasm',
    launch,
  },
];

/** lgc loads `<base_dir>/plugins/<name>.wasm`: the build is copied there, then `lgc <command>` runs. */
export const LOGCRAFT_HOST: HostDescriptor = {
  tool: 'lgc',
  plan: (config, tools) => {
    const env = { ...(config.env ?? {}) };
    const project = config.project;
    const host = need(tools.host, 'lgc was not found: set pluginWorkbench.logcraft.path to the lgc executable.');
    const wasm = mustExist(
      path.resolve(project, need(config.wasm, 'Name the built .wasm in the "wasm" attribute.')),
      'The plugin',
    );
    const lgcProject = path.resolve(
      project,
      need(config.lgcProject, 'Name the LogCraft project folder (with lgc.toml) in "lgcProject".'),
    );
    mustExist(path.join(lgcProject, 'lgc.toml'), 'The LogCraft config');
    const baseDir = path.resolve(lgcProject, config.baseDir ?? '.');
    const pluginName = path.basename(wasm, '.wasm').replace(/_/g, '-');
    return {
      copies: [{ from: wasm, to: path.join(baseDir, 'plugins', `${pluginName}.wasm`) }],
      writes: [],
      steps: [
        {
          role: 'host',
          command: host,
          args: [config.command ?? 'validate', ...(config.args ?? [])],
          cwd: lgcProject,
          env,
        },
      ],
    };
  },
};
