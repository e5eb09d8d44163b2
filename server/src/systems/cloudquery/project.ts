import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProperty, readYaml, stringValue, type ObjectNode } from '../../core';
import { LaunchConfigError, mustExist, need, setYamlValue, tempFile, type HostDescriptor, type ProjectKind, type ToolInfo } from '../projects';

export const CLOUDQUERY_TOOLS: Record<string, ToolInfo> = {
  cloudquery: { setting: 'pluginWorkbench.cloudquery.path', install: 'Install the CloudQuery CLI (https://docs.cloudquery.io/docs/quickstart)' },
};

export const CLOUDQUERY_PROJECTS: ProjectKind[] = [
  {
    id: 'cloudquery-plugin',
    priority: 20,
    detect: (folder) =>
      folder.goMod.includes('github.com/cloudquery/plugin-sdk') ? { name: folder.base.replace(/^cq-(source|destination)-/, ''), details: { binary: folder.base } } : undefined,
    tasks: (p) => [
      { id: 'build', label: 'build', group: 'build', tool: 'go', args: ['build', '-o', p.details.binary, '.'], problemMatcher: ['$go'], detail: 'go build the plugin binary' },
      { id: 'test', label: 'test', group: 'test', tool: 'go', args: ['test', './...'], problemMatcher: ['$go'], detail: 'go test ./...' },
      { id: 'package', label: 'package', tool: 'go', args: ['run', 'main.go', 'package', '-m', '@CHANGELOG.md', 'v1.0.0', '.'], problemMatcher: ['$go'], detail: 'write dist/ for the CloudQuery Hub' },
      { id: 'docs', label: 'docs', tool: 'cloudquery', args: ['tables', 'test/config.yml', '--output-dir', 'docs', '--format', 'markdown'], detail: 'generate the table docs' },
    ],
    launch: (p) => ({ name: `CloudQuery: sync with ${p.name}`, spec: 'test/config.yml' }),
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
          message: '"debugPlugin" serves the plugin under the Go debugger, which comes with the Go extension (golang.go): install it, or set "debugPlugin": false to serve the plugin with go run.',
        }
      : undefined,
  plan: (config, tools) => {
    const env = { ...(config.env ?? {}) };
    const project = config.project;
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
  },
};
