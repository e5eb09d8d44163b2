import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProperty, readYaml, stringValue, type ObjectNode } from '../../core';
import { LaunchConfigError, mustExist, need, setYamlValue, tempFile, type CustomTask, type HostDescriptor, type ProjectKind, type ToolInfo } from '../projects';
import { updateChecksum } from './update-checksum';

export const GATEWAYD_TOOLS: Record<string, ToolInfo> = {
  gatewayd: { setting: 'pluginWorkbench.gatewayd.path', install: 'Install GatewayD (https://docs.gatewayd.io/getting-started/installation)' },
};

export const GATEWAYD_PROJECTS: ProjectKind[] = [
  {
    id: 'gatewayd-plugin',
    priority: 10,
    detect: (folder) => {
      if (!folder.files.has('gatewayd_plugin.yaml') || !folder.goMod) return undefined;
      const root = readYaml(folder.read('gatewayd_plugin.yaml') ?? '', { version: '1.2' }).documents[0]?.root;
      const plugins = findProperty(root, 'plugins')?.value;
      const first = plugins?.type === 'array' ? plugins.items[0] : undefined;
      const name = stringValue(findProperty(first, 'name')?.value) ?? folder.base;
      return { name, details: { manifest: path.join(folder.dir, 'gatewayd_plugin.yaml') } };
    },
    tasks: () => [
      { id: 'build-dev', label: 'build-dev', group: 'build', tool: 'make', args: ['build-dev'], problemMatcher: ['$go'], detail: 'make build-dev' },
      { id: 'test', label: 'test', group: 'test', tool: 'make', args: ['test'], problemMatcher: ['$go'], detail: 'make test' },
      { id: 'build-release', label: 'build-release', tool: 'make', args: ['build-release'], problemMatcher: ['$go'], detail: 'dist/<name>-<os>-<arch>-<version>.tar.gz and checksums.txt' },
      { id: 'update-checksum', label: 'update checksum', run: updateChecksums, detail: 'hash the built binary and write it into gatewayd_plugins.yaml' },
    ],
    buildTask: 'build-dev',
    launch: (p) => ({ name: `GatewayD: ${p.name} (dev mode)`, binary: p.name, plugin: p.name, config: 'gatewayd.yaml', pluginsConfig: 'gatewayd_plugin.yaml' }),
  },
];

/** The update-checksum task: every plugins config of the workspace whose entry points at the built binary. */
const updateChecksums: CustomTask = async ({ project, findFiles, display }) => {
  const binary = path.join(project.dir, project.name);
  const lines: string[] = [];
  for (const config of await findFiles('**/{gatewayd_plugins,gatewayd_plugin}.yaml')) {
    for (const change of await updateChecksum(config, binary)) lines.push(`${display(change.file)}: ${change.plugin} checksum ${change.before ?? '(none)'} -> ${change.after}`);
  }
  lines.push(lines.length ? `Updated ${lines.length} checksum(s).` : `No plugin entry has localPath pointing at ${binary} (or its checksum is already right).`);
  return lines;
};

export const GATEWAYD_HOST: HostDescriptor = {
  tool: 'gatewayd',
  plan: (config, tools) => {
    const env = { ...(config.env ?? {}) };
    const project = config.project;
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
  },
};
