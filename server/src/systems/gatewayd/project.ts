import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProperty, locateTemplates, readYaml, stringValue, type ObjectNode } from '../../core';
import {
  LaunchConfigError,
  mustExist,
  need,
  setYamlValue,
  tempFile,
  type CustomTask,
  type HostDescriptor,
  type LaunchPlan,
  type ProjectKind,
  type ToolInfo,
} from '../projects';
import { binaryMissingMessage, entriesPointingAt, updateChecksum } from './update-checksum';

export const GATEWAYD_TOOLS: Record<string, ToolInfo> = {
  gatewayd: {
    setting: 'pluginWorkbench.gatewayd.path',
    install: 'Install GatewayD (https://docs.gatewayd.io/getting-started/installation)',
  },
};

const MANIFEST = 'gatewayd_plugin.yaml';
const CONFIG = 'gatewayd.yaml';

export const GATEWAYD_PROJECTS: ProjectKind[] = [
  {
    id: 'gatewayd-plugin',
    priority: 10,
    // A Go plugin (go.mod), or a plugin in another language over go-plugin's gRPC protocol, such
    // as the Python template: its manifest next to the program GatewayD starts (main.py here).
    detect: (folder) => {
      const language = folder.goMod ? 'go' : folder.files.has('main.py') ? 'python' : undefined;
      if (!folder.files.has(MANIFEST) || !language) return undefined;
      const root = readYaml(folder.read(MANIFEST) ?? '', { version: '1.2' }).documents[0]?.root;
      const plugins = findProperty(root, 'plugins')?.value;
      const first = plugins?.type === 'array' ? plugins.items[0] : undefined;
      const name = stringValue(findProperty(first, 'name')?.value) ?? folder.base;
      const details: Record<string, string> = { manifest: path.join(folder.dir, MANIFEST), language };
      if (folder.files.has(CONFIG)) details.config = CONFIG;
      return { name, details };
    },
    tasks: () => [
      {
        id: 'build-dev',
        label: 'build-dev',
        group: 'build',
        tool: 'make',
        args: ['build-dev'],
        problemMatcher: ['$go'],
        detail: 'make build-dev',
      },
      {
        id: 'test',
        label: 'test',
        group: 'test',
        tool: 'make',
        args: ['test'],
        problemMatcher: ['$go'],
        detail: 'make test',
      },
      {
        id: 'build-release',
        label: 'build-release',
        tool: 'make',
        args: ['build-release'],
        problemMatcher: ['$go'],
        detail: 'dist/<name>-<os>-<arch>-<version>.tar.gz and checksums.txt',
      },
      {
        id: 'update-checksum',
        label: 'update checksum',
        run: updateChecksums,
        detail: 'hash the built binary and write it into gatewayd_plugins.yaml',
      },
    ],
    buildTask: 'build-dev',
    // Without a gatewayd.yaml in the project the session gets one with GatewayD's defaults (see the plan).
    launch: (p) => ({
      name: `GatewayD: ${p.name} (dev mode)`,
      binary: p.name,
      plugin: p.name,
      ...(p.details.config ? { config: p.details.config } : {}),
      pluginsConfig: MANIFEST,
    }),
  },
];

/** The update-checksum task: every plugins config of the workspace whose entry points at the built binary. */
const updateChecksums: CustomTask = async ({ project, findFiles, display }) => {
  const binary = path.join(project.dir, project.name);
  const configs = await findFiles('**/{gatewayd_plugins,gatewayd_plugin}.yaml');
  if (!fs.existsSync(binary)) {
    // Nothing built yet: the editor's gatewayd.binary-missing diagnostic for each entry, word for word.
    const entries = configs.flatMap((config) =>
      entriesPointingAt(config, binary).map(
        (e) => `${display(config)}: ${binaryMissingMessage(e.plugin, e.localPath)}`,
      ),
    );
    throw new Error(entries.length ? entries.join('\n') : binaryMissingMessage(project.name, display(binary)));
  }
  const lines: string[] = [];
  for (const config of configs) {
    for (const change of await updateChecksum(config, binary))
      lines.push(`${display(change.file)}: ${change.plugin} checksum ${change.before ?? '(none)'} -> ${change.after}`);
  }
  lines.push(
    lines.length
      ? `Updated ${lines.length} checksum(s).`
      : `No plugin entry has localPath pointing at ${binary} (or its checksum is already right).`,
  );
  return lines;
};

/**
 * GatewayD reads its configuration from the file first and then from GATEWAYD_* variables
 * (config/config.go: InitConfig, loadEnvVarsWithTransform), so this sets the level the guide
 * recommends for plugin development over whatever the file says.
 */
export const DEV_LOG_LEVEL = { GATEWAYD_LOGGERS_DEFAULT_LEVEL: 'trace' };

/** GatewayD's defaults, as `gatewayd config init` writes them: the templates' dev gatewayd.yaml. */
function defaultConfig(): string {
  return fs.readFileSync(path.join(locateTemplates(), 'gatewayd-plugin-go', 'files', `${CONFIG}.tmpl`), 'utf8');
}

export const GATEWAYD_HOST: HostDescriptor = {
  tool: 'gatewayd',
  plan: (config, tools) => {
    const env = { ...(config.env ?? {}) };
    const project = config.project;
    const host = need(
      tools.host,
      'gatewayd was not found: set pluginWorkbench.gatewayd.path to the gatewayd executable.',
    );
    const notes: string[] = [];
    const writes: LaunchPlan['writes'] = [];
    let gatewaydConfig = path.resolve(project, config.config ?? CONFIG);
    if (!fs.existsSync(gatewaydConfig)) {
      if (config.config) {
        throw new LaunchConfigError(
          `The GatewayD config ${gatewaydConfig} (attribute "config") does not exist. Write one with GatewayD's defaults: gatewayd config init -c ${config.config} (run in ${project}), or remove the "config" attribute to run with a dev config made for this session.`,
        );
      }
      // A project without gatewayd.yaml: GatewayD's defaults for this session only, said in the Debug Console.
      gatewaydConfig = tempFile(CONFIG);
      writes.push({ file: gatewaydConfig, content: defaultConfig() });
      notes.push(
        `${project} has no ${CONFIG}: this session uses a dev config with GatewayD's defaults at ${gatewaydConfig} (log level trace). To keep your own, run gatewayd config init -c ${CONFIG} in the project, or copy that file there.`,
      );
    }
    const pluginsFile = mustExist(
      path.resolve(project, config.pluginsConfig ?? 'gatewayd_plugins.yaml'),
      'The plugins config (attribute "pluginsConfig")',
    );
    const binary = path.resolve(
      project,
      need(config.binary, 'Name the built plugin binary in the "binary" attribute.'),
    );
    // A dev-mode copy of the plugins config whose entry points at the fresh build.
    const text = fs.readFileSync(pluginsFile, 'utf8');
    const root = readYaml(text, { version: '1.2' }).documents[0]?.root;
    const plugins = findProperty(root, 'plugins')?.value;
    const entries = plugins?.type === 'array' ? plugins.items.filter((i): i is ObjectNode => i.type === 'object') : [];
    const entry = config.plugin
      ? entries.find((e) => stringValue(findProperty(e, 'name')?.value) === config.plugin)
      : entries.length === 1
        ? entries[0]
        : undefined;
    if (!entry) {
      const names = entries.map((e) => stringValue(findProperty(e, 'name')?.value)).filter(Boolean);
      throw new LaunchConfigError(
        config.plugin
          ? `No plugin named "${config.plugin}" in ${pluginsFile} (it has: ${names.join(', ') || 'none'}).`
          : `Name the plugin entry to run in the "plugin" attribute (${pluginsFile} has: ${names.join(', ') || 'none'}).`,
      );
    }
    const devConfig = tempFile('gatewayd_plugins.dev.yaml');
    writes.push({ file: devConfig, content: setYamlValue(text, entry, 'localPath', binary) });
    return {
      copies: [],
      writes,
      notes,
      steps: [
        {
          role: 'host',
          command: host,
          args: ['run', '--dev', '-c', gatewaydConfig, '-p', devConfig, ...(config.args ?? [])],
          cwd: project,
          env: { ...DEV_LOG_LEVEL, ...env },
        },
      ],
    };
  },
};
