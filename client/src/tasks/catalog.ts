import * as path from 'node:path';
import type { Project, ProjectKind } from './projects';
import type { ToolName } from './tools';

/** One task a project offers: a tool run in a shell, or in-process work of ours. */
export interface TaskSpec {
  /** Stable id within the project, used in tasks.json: { "type": "plugin-workbench", "task": id }. */
  id: string;
  label: string;
  group?: 'build' | 'test';
  /** Shell tasks: the tool and its arguments. */
  tool?: ToolName;
  args?: string[];
  problemMatcher?: string[];
  /** In-process tasks (CustomExecution). */
  custom?: 'update-checksum' | 'package-zip' | 'install-wasm';
  detail: string;
}

type Builder = (project: Project) => TaskSpec[];

const cloudquery: Builder = (p) => [
  { id: 'build', label: 'build', group: 'build', tool: 'go', args: ['build', '-o', p.details.binary, '.'], problemMatcher: ['$go'], detail: 'go build the plugin binary' },
  { id: 'test', label: 'test', group: 'test', tool: 'go', args: ['test', './...'], problemMatcher: ['$go'], detail: 'go test ./...' },
  { id: 'package', label: 'package', tool: 'go', args: ['run', 'main.go', 'package', '-m', '@CHANGELOG.md', 'v1.0.0', '.'], problemMatcher: ['$go'], detail: 'write dist/ for the CloudQuery Hub' },
  { id: 'docs', label: 'docs', tool: 'cloudquery', args: ['tables', 'test/config.yml', '--output-dir', 'docs', '--format', 'markdown'], detail: 'generate the table docs' },
];

const gatewayd: Builder = () => [
  { id: 'build-dev', label: 'build-dev', group: 'build', tool: 'make', args: ['build-dev'], problemMatcher: ['$go'], detail: 'make build-dev' },
  { id: 'test', label: 'test', group: 'test', tool: 'make', args: ['test'], problemMatcher: ['$go'], detail: 'make test' },
  { id: 'build-release', label: 'build-release', tool: 'make', args: ['build-release'], problemMatcher: ['$go'], detail: 'dist/<name>-<os>-<arch>-<version>.tar.gz and checksums.txt' },
  { id: 'update-checksum', label: 'update checksum', custom: 'update-checksum', detail: 'hash the built binary and write it into gatewayd_plugins.yaml' },
];

const ekuiperNative: Builder = (p) => {
  const folder = `${p.details.pluginType}s`;
  const so = `plugins/${folder}/${p.name.charAt(0).toUpperCase()}${p.name.slice(1)}@v${p.details.version}.so`;
  return [
    { id: 'build', label: 'build .so', group: 'build', tool: 'go', args: ['build', '-trimpath', '--buildmode=plugin', '-o', so, '.'], problemMatcher: ['$go'], detail: `go build -> ${so}` },
    { id: 'package-zip', label: 'package zip', custom: 'package-zip', detail: 'a flat zip with the .so, .json and .yaml, checked against the packaging rules' },
  ];
};

const ekuiperPortable: Builder = () => [
  { id: 'package-zip', label: 'package zip', custom: 'package-zip', detail: 'a zip with the manifest, the executable and sources/sinks/functions, checked first' },
];

const anklet: Builder = () => [
  { id: 'build', label: 'build', group: 'build', tool: 'go', args: ['build', '-o', 'anklet', '.'], problemMatcher: ['$go'], detail: 'go build the anklet binary' },
  { id: 'generate-plugins', label: 'make generate-plugins', tool: 'make', args: ['generate-plugins'], detail: 'regenerate the plugin registration' },
];

const logcraftRust: Builder = () => [
  { id: 'build-wasm', label: 'build wasm', group: 'build', tool: 'cargo', args: ['build', '--release', '--target', 'wasm32-wasip2'], problemMatcher: ['$rustc'], detail: 'cargo build --release --target wasm32-wasip2' },
  { id: 'install', label: 'install into base_dir/plugins', custom: 'install-wasm', detail: 'copy the built .wasm into <base_dir>/plugins/ of the LogCraft project' },
];

const logcraftPython: Builder = (p) => [
  { id: 'build-wasm', label: 'build wasm', group: 'build', tool: 'componentize-py', args: ['--wit-path', 'wit', '--world', 'plugins', 'componentize', p.details.entry, '-o', `${p.name}.wasm`], detail: 'componentize-py ... componentize' },
  { id: 'install', label: 'install into base_dir/plugins', custom: 'install-wasm', detail: 'copy the built .wasm into <base_dir>/plugins/ of the LogCraft project' },
];

const BUILDERS: Record<ProjectKind, Builder> = {
  'cloudquery-plugin': cloudquery,
  'gatewayd-plugin': gatewayd,
  'ekuiper-native': ekuiperNative,
  'ekuiper-portable': ekuiperPortable,
  anklet,
  'logcraft-plugin-rust': logcraftRust,
  'logcraft-plugin-python': logcraftPython,
  'logcraft-project': () => [],
};

export function tasksFor(project: Project): TaskSpec[] {
  return BUILDERS[project.kind](project);
}

/** Where the built wasm of a LogCraft plugin project lands. */
export function builtWasm(project: Project): string {
  return project.kind === 'logcraft-plugin-rust'
    ? path.join(project.dir, 'target', 'wasm32-wasip2', 'release', `${project.details.crate}.wasm`)
    : path.join(project.dir, `${project.name}.wasm`);
}
