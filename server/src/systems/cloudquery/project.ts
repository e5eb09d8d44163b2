import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProperty, readYaml, stringValue, type ObjectNode } from '../../core';
import { readMakefile, makeVariableValue } from '../makefile';
import {
  LaunchConfigError,
  mustExist,
  need,
  setYamlValue,
  tempFile,
  type HostDescriptor,
  type ProjectFolder,
  type ProjectKind,
  type ToolInfo,
} from '../projects';
import { releaseVersion } from '../release-version';

export const CLOUDQUERY_TOOLS: Record<string, ToolInfo> = {
  cloudquery: {
    setting: 'pluginWorkbench.cloudquery.path',
    install: 'Install the CloudQuery CLI (https://docs.cloudquery.io/docs/quickstart)',
  },
};

/**
 * The binary the project's own files expect `go build` to write: the `path` of the local spec in
 * test/config.yml (CloudQuery resolves it from the folder sync runs in, the project folder), else
 * the Makefile's BINARY, else the folder's name.
 */
function binaryOf(folder: ProjectFolder): string {
  for (const document of readYaml(folder.read(SPEC) ?? '', { version: '1.1' }).documents) {
    const spec = findProperty(document.root, 'spec')?.value;
    const local = stringValue(findProperty(spec, 'registry')?.value) === 'local';
    const file = stringValue(findProperty(spec, 'path')?.value);
    if (local && file && !path.isAbsolute(file)) return path.normalize(file);
  }
  const makefile = readMakefile(folder.dir);
  return (makefile && makeVariableValue(makefile, 'BINARY')) || folder.base;
}

const SPEC = 'test/config.yml';
/** When neither a tag nor CHANGELOG.md names a version: the first release the template writes. */
const FIRST_VERSION = 'v0.0.1';

export const CLOUDQUERY_PROJECTS: ProjectKind[] = [
  {
    id: 'cloudquery-plugin',
    priority: 20,
    detect: (folder) => {
      if (!folder.goMod.includes('github.com/cloudquery/plugin-sdk')) return undefined;
      const release = releaseVersion(folder.dir, FIRST_VERSION);
      return {
        name: folder.base.replace(/^cq-(source|destination)-/, ''),
        details: { binary: binaryOf(folder), version: release.version, versionFrom: release.from },
      };
    },
    tasks: (p) => [
      {
        id: 'build',
        label: 'build',
        group: 'build',
        tool: 'go',
        args: ['build', '-o', p.details.binary, '.'],
        problemMatcher: ['$go'],
        detail: `go build -o ${p.details.binary}`,
      },
      {
        id: 'test',
        label: 'test',
        group: 'test',
        tool: 'go',
        args: ['test', './...'],
        problemMatcher: ['$go'],
        detail: 'go test ./...',
      },
      {
        id: 'package',
        label: 'package',
        tool: 'go',
        args: ['run', 'main.go', 'package', '-m', '@CHANGELOG.md', p.details.version, '.'],
        problemMatcher: ['$go'],
        detail: `write dist/ for the CloudQuery Hub, version ${p.details.version} (${p.details.versionFrom})`,
      },
      {
        id: 'docs',
        label: 'docs',
        tool: 'cloudquery',
        args: ['tables', SPEC, '--output-dir', 'docs', '--format', 'markdown'],
        detail: 'generate the table docs',
      },
    ],
    launch: (p) => ({ name: `CloudQuery: sync with ${p.name}`, spec: SPEC }),
  },
];

export const CLOUDQUERY_HOST: HostDescriptor = {
  tool: 'cloudquery',
  needsGo: true,
  needsPort: true,
  requiredDebugger: (config) =>
    config.debugPlugin
      ? {
          type: 'go',
          message:
            '"debugPlugin" serves the plugin under the Go debugger, which comes with the Go extension (golang.go): install it, or set "debugPlugin": false to serve the plugin with go run.',
        }
      : undefined,
  plan: (config, tools) => {
    const env = { ...(config.env ?? {}) };
    const project = config.project;
    const host = need(
      tools.host,
      'cloudquery was not found: set pluginWorkbench.cloudquery.path to the cloudquery executable.',
    );
    const go = need(tools.go, 'go was not found on PATH: install Go to serve the plugin.');
    const port = need(config.port, 'A free port is needed for the plugin server ("port").');
    const specFile = mustExist(
      path.resolve(project, config.spec ?? 'test/config.yml'),
      'The sync spec (attribute "spec")',
    );
    // The spec's entry for this plugin (registry local or grpc) now points at the served plugin.
    let text = fs.readFileSync(specFile, 'utf8');
    const documents = readYaml(text, { version: '1.1' }).documents;
    const target = [...documents].reverse().find((d) => {
      const spec = findProperty(d.root, 'spec')?.value;
      const registry = stringValue(findProperty(spec, 'registry')?.value);
      return (
        (config.plugin
          ? stringValue(findProperty(spec, 'name')?.value) === config.plugin
          : registry === 'local' || registry === 'grpc') && spec?.type === 'object'
      );
    });
    const spec = findProperty(target?.root, 'spec')?.value as ObjectNode | undefined;
    if (!spec)
      throw new LaunchConfigError(
        `${specFile} has no spec with registry: local or grpc for this plugin${config.plugin ? ` (named "${config.plugin}")` : ''}.`,
      );
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
            ? {
                debugger: {
                  type: 'go',
                  request: 'launch',
                  name: `CloudQuery plugin on localhost:${port}`,
                  mode: 'debug',
                  program: project,
                  cwd: project,
                  args: ['serve', '--address', `localhost:${port}`],
                  env,
                },
              }
            : {}),
        },
        {
          role: 'host',
          command: host,
          args: ['sync', devSpec, '--log-console', ...(config.args ?? [])],
          // From the project folder, as the template's test/config.yml says: its relative paths
          // (the SQLite file, a local plugin binary) resolve against the working folder.
          cwd: project,
          env,
        },
      ],
    };
  },
};
