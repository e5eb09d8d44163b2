import * as path from 'node:path';
import { findProperty, readJson } from '../../core';
import {
  LaunchConfigError,
  makeVariable,
  mustExist,
  need,
  readText,
  safeList,
  type CustomTask,
  type HostDescriptor,
  type ProjectFolder,
  type ProjectKind,
  type ToolInfo,
} from '../projects';
import { packageEkuiper, PackagingError, portableEntries } from './package-zip';

export const EKUIPER_TOOLS: Record<string, ToolInfo> = {
  kuiperd: {
    setting: 'pluginWorkbench.ekuiper.path',
    install:
      'Install eKuiper (https://ekuiper.org/docs/en/latest/installation.html); the setting names its bin/kuiperd',
  },
};

/** The eKuiper metadata JSON of a native plugin project: its name and type. */
function metadataOf(dir: string): { name: string; type: 'source' | 'sink' | 'function'; file: string } | undefined {
  const candidates: string[] = [];
  for (const sub of ['', 'etc/sources', 'etc/sinks', 'etc/functions', 'sources', 'sinks', 'functions']) {
    const folder = path.join(dir, sub);
    for (const file of safeList(folder)) if (file.endsWith('.json')) candidates.push(path.join(folder, file));
  }
  for (const file of candidates) {
    const root = readJson(readText(file) ?? '').documents[0]?.root;
    if (!root || !findProperty(root, 'about')) continue;
    const properties = findProperty(root, 'properties')?.value;
    const type = findProperty(root, 'functions') ? 'function' : properties?.type === 'array' ? 'sink' : 'source';
    return { name: path.basename(file, '.json'), type, file };
  }
  return undefined;
}

function portableManifest(folder: ProjectFolder): string | undefined {
  for (const file of folder.files) {
    if (!file.endsWith('.json')) continue;
    const root = readJson(folder.read(file) ?? '').documents[0]?.root;
    if (root && findProperty(root, 'language') && findProperty(root, 'executable') && !findProperty(root, 'about'))
      return file;
  }
  return undefined;
}

const packageZip: CustomTask = async ({ project }) => {
  const result = packageEkuiper(project);
  return [`Wrote ${result.zip}:`, ...result.entries.map((entry) => `  ${entry}`)];
};

/** The exported symbol's file name: `<Name>@v<version>.so` under plugins/<type>s/. */
const soFile = (name: string, type: string, version: string) =>
  `plugins/${type}s/${name.charAt(0).toUpperCase()}${name.slice(1)}@v${version}.so`;

export const EKUIPER_PROJECTS: ProjectKind[] = [
  {
    id: 'ekuiper-native',
    priority: 30,
    detect: (folder) => {
      if (!folder.goMod.includes('github.com/lf-edge/ekuiper/contract')) return undefined;
      const meta = metadataOf(folder.dir);
      return meta
        ? {
            name: meta.name,
            details: {
              pluginType: meta.type,
              metadata: meta.file,
              version: makeVariable(folder, 'VERSION') ?? '1.0.0',
            },
          }
        : undefined;
    },
    tasks: (p) => {
      const so = soFile(p.name, p.details.pluginType, p.details.version);
      return [
        {
          id: 'build',
          label: 'build .so',
          group: 'build',
          tool: 'go',
          args: ['build', '-trimpath', '--buildmode=plugin', '-o', so, '.'],
          problemMatcher: ['$go'],
          detail: `go build -> ${so}`,
        },
        {
          id: 'package-zip',
          label: 'package zip',
          run: packageZip,
          detail: 'a flat zip with the .so, .json and .yaml, checked against the packaging rules',
        },
      ];
    },
    buildTask: 'build',
    launch: (p) => {
      const metadata = path.relative(p.dir, p.details.metadata);
      return {
        name: `eKuiper: kuiperd with ${p.name}`,
        pluginType: p.details.pluginType as 'source' | 'sink' | 'function',
        soFile: soFile(p.name, p.details.pluginType, p.details.version),
        metadata,
        ...(p.details.pluginType === 'source' ? { sourceYaml: metadata.replace(/\.json$/, '.yaml') } : {}),
      };
    },
  },
  {
    id: 'ekuiper-portable',
    priority: 70,
    detect: (folder) => {
      const manifest = portableManifest(folder);
      return manifest
        ? { name: manifest.replace(/\.json$/, ''), details: { manifest: path.join(folder.dir, manifest) } }
        : undefined;
    },
    tasks: () => [
      {
        id: 'package-zip',
        label: 'package zip',
        run: packageZip,
        detail: 'a zip with the manifest, the executable and sources/sinks/functions, checked first',
      },
    ],
    // Nothing to build: kuiperd starts the executable itself (python main.py) when a rule uses it.
    launch: (p) => ({
      name: `eKuiper: kuiperd with ${p.name} (portable)`,
      pluginType: 'portable',
      metadata: path.relative(p.dir, p.details.manifest),
    }),
  },
];

/**
 * A portable plugin installed into kuiperd's folders as its own install does
 * (internal/plugin/portable/manager.go): sources/, sinks/ and functions/ into etc/, every other
 * member into plugins/portable/<name>/, which kuiperd scans for `<name>.json` when it starts.
 */
function portableCopies(project: string, manifest: string, home: string): Array<{ from: string; to: string }> {
  const file = mustExist(path.resolve(project, manifest), 'The portable plugin manifest');
  const name = path.basename(file, '.json');
  try {
    const entries = portableEntries({
      kind: 'ekuiper-portable',
      system: 'ekuiper',
      dir: project,
      name,
      details: { manifest: file },
    });
    return [...entries].map(([entry, from]) => ({
      from,
      to: /^(sources|sinks|functions)\//.test(entry)
        ? path.join(home, 'etc', ...entry.split('/'))
        : path.join(home, 'plugins', 'portable', name, ...entry.split('/')),
    }));
  } catch (error) {
    if (error instanceof PackagingError)
      throw new LaunchConfigError(error.message.replace('Not packaged', 'Not installed'));
    throw error;
  }
}

/** kuiperd loads plugins from its own folders: the build is copied in, then kuiperd starts. */
export const EKUIPER_HOST: HostDescriptor = {
  tool: 'kuiperd',
  plan: (config, tools) => {
    const env = { ...(config.env ?? {}) };
    const project = config.project;
    const host = need(tools.host, 'kuiperd was not found: set pluginWorkbench.ekuiper.path to <eKuiper>/bin/kuiperd.');
    const home = path.dirname(path.dirname(host));
    const type = need(
      config.pluginType,
      'Say which kind of plugin this is ("pluginType": source, sink, function or portable).',
    );
    const start = { role: 'host' as const, command: host, args: [...(config.args ?? [])], cwd: home, env };
    if (type === 'portable') {
      const manifest = need(
        config.metadata,
        'Name the portable plugin manifest (<name>.json) in the "metadata" attribute.',
      );
      return { copies: portableCopies(project, manifest, home), writes: [], steps: [start] };
    }
    const so = mustExist(
      path.resolve(project, need(config.soFile, 'Name the built .so in the "soFile" attribute.')),
      'The plugin',
    );
    const copies = [{ from: so, to: path.join(home, 'plugins', `${type}s`, path.basename(so)) }];
    if (config.metadata)
      copies.push({
        from: mustExist(path.resolve(project, config.metadata), 'The metadata'),
        to: path.join(home, 'etc', `${type}s`, path.basename(config.metadata)),
      });
    if (config.sourceYaml)
      copies.push({
        from: mustExist(path.resolve(project, config.sourceYaml), 'The source config'),
        to: path.join(home, 'etc', 'sources', path.basename(config.sourceYaml)),
      });
    return {
      copies,
      writes: [],
      steps: [start],
    };
  },
};
