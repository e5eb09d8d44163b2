import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readRecord, writeStandIn } from '../../helpers/stand-in';
import { EXTENSION_ID } from './helpers';

// F5 on every freshly generated template, in the packaged extension: the harness opens a workspace
// with one empty folder per template id; each test writes the project with New Plugin, opens one of
// its files, and starts debugging as F5 does without a launch.json (an empty configuration, the
// debugger VS Code picks for the active editor). Nothing is edited in between. The build tools and
// hosts are stand-ins written here (they cannot run on this machine): found on PATH (make, go,
// cargo, componentize-py) or through the pluginWorkbench.<system>.path settings (the hosts), each
// recording its argv, environment and working folder.

interface Template {
  id: string;
  name: { example: string };
}

interface Case {
  /** The file opened before F5 (relative to the generated project), which picks the debugger. */
  open: string;
  /** Tools found on PATH, with what a real build would leave behind. */
  path?: Record<string, Parameters<typeof writeStandIn>[2]>;
  /** The host program, by system setting. */
  host?: { system: 'gatewayd' | 'cloudquery' | 'ekuiper' | 'logcraft'; tool: string };
  /** Written before the template: the folder it is generated into (an Anklet checkout). */
  before?: (folder: string) => void;
  check: (c: { project: string; folder: string; standIns: string; name: string; output: string }) => void;
}

/** The commands `make -n <target>` prints: what the template's own Makefile runs. */
function makeDryRun(dir: string, target: string): string[] {
  return execFileSync('make', ['-n', '-s', target], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
}

const command = (tool: string, argv: string[]) => [tool, ...argv].join(' ');

function checkCloudQuery({ project, standIns }: { project: string; standIns: string }): void {
  const server = readRecord(standIns, 'go');
  assert.deepEqual(server.argv.slice(0, 4), ['run', 'main.go', 'serve', '--address']);
  assert.equal(server.cwd, project);
  const sync = readRecord(standIns, 'cloudquery');
  assert.equal(sync.argv[0], 'sync');
  assert.equal(sync.argv.at(-1), '--log-console');
  assert.equal(sync.cwd, project);
  // The spec it syncs is the project's test/config.yml with the plugin pointed at the served port.
  const spec = fs.readFileSync(sync.argv[1], 'utf8');
  assert.match(spec, /registry: "grpc"/);
  assert.ok(spec.includes(server.argv[4]), `${server.argv[4]} in\n${spec}`);
}

function checkGatewayd({ project, standIns, name }: { project: string; standIns: string; name: string }): void {
  const make = readRecord(standIns, 'make');
  assert.deepEqual(make.argv, ['build-dev']);
  assert.equal(make.cwd, project);
  const host = readRecord(standIns, 'gatewayd');
  assert.deepEqual(host.argv.slice(0, 5), ['run', '--dev', '-c', path.join(project, 'gatewayd.yaml'), '-p']);
  assert.equal(host.env.GATEWAYD_LOGGERS_DEFAULT_LEVEL, 'trace');
  assert.match(fs.readFileSync(host.argv[5], 'utf8'), new RegExp(`localPath: "${path.join(project, name)}"`));
}

function checkEkuiperNative(type: string) {
  return ({ project, standIns, name }: { project: string; standIns: string; name: string }) => {
    const build = readRecord(standIns, 'go');
    const so = `plugins/${type}s/${name.charAt(0).toUpperCase()}${name.slice(1)}@v1.0.0.so`;
    assert.deepEqual(build.argv, ['build', '-trimpath', '--buildmode=plugin', '-o', so, '.']);
    assert.deepEqual([command('go', build.argv)], makeDryRun(project, 'build'));
    assert.equal(build.cwd, project);
    const host = readRecord(path.join(standIns, 'bin'), 'kuiperd');
    assert.equal(host.cwd, standIns);
    assert.deepEqual(host.argv, []);
    assert.ok(fs.existsSync(path.join(standIns, 'plugins', `${type}s`, path.basename(so))), 'the .so is installed');
    assert.ok(fs.existsSync(path.join(standIns, 'etc', `${type}s`, `${name}.json`)), 'the metadata is installed');
  };
}

function checkLogcraft(tool: string) {
  return ({ project, standIns, name }: { project: string; standIns: string; name: string }) => {
    const build = readRecord(standIns, tool);
    assert.deepEqual([command(tool, build.argv)], makeDryRun(project, 'build'));
    assert.equal(build.cwd, project);
    const host = readRecord(standIns, 'lgc');
    assert.deepEqual(host.argv, ['validate']);
    assert.equal(host.cwd, path.join(project, 'dev'));
    assert.ok(fs.existsSync(path.join(project, 'dev', 'plugins', `${name}.wasm`)), 'the .wasm is installed');
  };
}

/** Just enough of an Anklet checkout for a plugin to be generated into (the template's parent). */
function ankletCheckout(folder: string): void {
  fs.writeFileSync(path.join(folder, 'go.mod'), 'module github.com/veertuinc/anklet\n\ngo 1.24\n');
  fs.writeFileSync(path.join(folder, 'main.go'), 'package main\n\nfunc main() {}\n');
  fs.mkdirSync(path.join(folder, 'plugins', 'handlers', 'github'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'plugins', 'receivers', 'github'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'plugins', 'handlers', 'github', 'github.go'), 'package github\n');
}

function checkAnklet({ project, folder, standIns, output }: Parameters<Case['check']>[0]): void {
  const run = readRecord(standIns, 'go');
  assert.deepEqual(run.argv.slice(0, 3), ['run', 'main.go', '-c']);
  assert.equal(run.cwd, folder);
  assert.equal(run.env.LOG_LEVEL, 'dev');
  // No config.yml in the checkout: a session copy of the generated example, said in the Debug Console.
  assert.equal(fs.readFileSync(run.argv[3], 'utf8'), fs.readFileSync(path.join(project, 'config.example.yml'), 'utf8'));
  assert.match(
    output,
    /has no config\.yml: this session runs with a copy of plugins\/\w+\/buildkite\/config\.example\.yml/,
  );
}

const go = { writesOutput: true };
const CASES: Record<string, Case> = {
  'cloudquery-source-go': {
    open: 'test/config.yml',
    path: { go: { stayAlive: true } },
    host: { system: 'cloudquery', tool: 'cloudquery' },
    check: checkCloudQuery,
  },
  'cloudquery-destination-go': {
    open: 'test/config.yml',
    path: { go: { stayAlive: true } },
    host: { system: 'cloudquery', tool: 'cloudquery' },
    check: checkCloudQuery,
  },
  'gatewayd-plugin-go': {
    open: 'gatewayd_plugin.yaml',
    path: { make: { creates: ['gatewayd-plugin-example'] } },
    host: { system: 'gatewayd', tool: 'gatewayd' },
    check: checkGatewayd,
  },
  'gatewayd-plugin-python': {
    open: 'gatewayd_plugin.yaml',
    path: { make: {} },
    host: { system: 'gatewayd', tool: 'gatewayd' },
    check: checkGatewayd,
  },
  'ekuiper-source-go': {
    open: 'random.go',
    path: { go },
    host: { system: 'ekuiper', tool: 'bin/kuiperd' },
    check: checkEkuiperNative('source'),
  },
  'ekuiper-sink-go': {
    open: 'random.go',
    path: { go },
    host: { system: 'ekuiper', tool: 'bin/kuiperd' },
    check: checkEkuiperNative('sink'),
  },
  'ekuiper-function-go': {
    open: 'random.go',
    path: { go },
    host: { system: 'ekuiper', tool: 'bin/kuiperd' },
    check: checkEkuiperNative('function'),
  },
  'ekuiper-portable-python': {
    open: 'main.py',
    host: { system: 'ekuiper', tool: 'bin/kuiperd' },
    check: ({ project, standIns, name }) => {
      const host = readRecord(path.join(standIns, 'bin'), 'kuiperd');
      assert.equal(host.cwd, standIns);
      // Installed as eKuiper's own install lays out the zip `make package` writes.
      for (const [member, installed] of [
        [`${name}.json`, `plugins/portable/${name}/${name}.json`],
        ['main.py', `plugins/portable/${name}/main.py`],
        [`sources/${name}.yaml`, `etc/sources/${name}.yaml`],
        [`sinks/${name}Print.json`, `etc/sinks/${name}Print.json`],
        [`functions/${name}Upper.json`, `etc/functions/${name}Upper.json`],
      ])
        assert.equal(
          fs.readFileSync(path.join(standIns, installed), 'utf8'),
          fs.readFileSync(path.join(project, member), 'utf8'),
        );
    },
  },
  'anklet-handler-go': { open: 'config.example.yml', path: { go: {} }, before: ankletCheckout, check: checkAnklet },
  'anklet-receiver-go': { open: 'config.example.yml', path: { go: {} }, before: ankletCheckout, check: checkAnklet },
  'logcraft-plugin-rust': {
    open: 'dev/lgc.toml',
    path: { cargo: { creates: ['target/wasm32-wasip2/release/my_siem.wasm'] } },
    host: { system: 'logcraft', tool: 'lgc' },
    check: checkLogcraft('cargo'),
  },
  'logcraft-plugin-python': {
    open: 'dev/lgc.toml',
    path: { 'componentize-py': go },
    host: { system: 'logcraft', tool: 'lgc' },
    check: checkLogcraft('componentize-py'),
  },
};

describe('F5 on every freshly generated template (stand-in hosts)', () => {
  const originalPath = process.env.PATH;
  let templatesDir: string;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    templatesDir = path.join(extension.extensionPath, 'dist', 'templates');
  });

  afterEach(() => {
    process.env.PATH = originalPath;
  });

  it('covers every template the extension ships', () => {
    const ids = JSON.parse(fs.readFileSync(path.join(templatesDir, 'index.json'), 'utf8')) as string[];
    assert.deepEqual([...ids].sort(), Object.keys(CASES).sort());
    assert.deepEqual((vscode.workspace.workspaceFolders ?? []).map((f) => f.name).sort(), Object.keys(CASES).sort());
  });

  for (const [id, c] of Object.entries(CASES)) {
    it(`${id}: generate, open, F5 runs the build and the host as the project says`, async () => {
      const template = JSON.parse(fs.readFileSync(path.join(templatesDir, id, 'template.json'), 'utf8')) as Template;
      const folder = vscode.workspace.workspaceFolders!.find((f) => f.name === id)!;
      const standIns = path.join(path.dirname(folder.uri.fsPath), `${id}.stand-ins`);
      fs.mkdirSync(path.join(standIns, 'bin'), { recursive: true });
      for (const [tool, behaviour] of Object.entries(c.path ?? {})) writeStandIn(standIns, tool, behaviour);
      process.env.PATH = `${standIns}${path.delimiter}${originalPath}`;
      for (const system of ['gatewayd', 'cloudquery', 'ekuiper', 'logcraft'])
        await vscode.workspace
          .getConfiguration('pluginWorkbench')
          .update(
            `${system}.path`,
            c.host?.system === system
              ? writeStandIn(path.join(standIns, path.dirname(c.host.tool)), path.basename(c.host.tool))
              : undefined,
            vscode.ConfigurationTarget.Global,
          );
      c.before?.(folder.uri.fsPath);

      const name = template.name.example;
      const result = await vscode.commands.executeCommand<{ directory: string; files: string[] }>(
        'pluginWorkbench.newPlugin',
        { template: id, name, parentDir: folder.uri.fsPath, open: false },
      );
      assert.ok(result && result.files.length > 0, 'the project was written');
      const project = result.directory;
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(project, c.open)), { preview: false });

      const output: string[] = [];
      const tracker = vscode.debug.registerDebugAdapterTrackerFactory('plugin-host', {
        createDebugAdapterTracker: () => ({
          onDidSendMessage: (message: { event?: string; body?: { output?: string } }) => {
            if (message.event === 'output' && message.body?.output) output.push(message.body.output);
          },
        }),
      });
      const terminated = new Promise<vscode.DebugSession>((resolve) => {
        const listener = vscode.debug.onDidTerminateDebugSession((session) => {
          listener.dispose();
          resolve(session);
        });
      });
      const seen: string[] = [];
      const spy = vscode.debug.registerDebugConfigurationProvider('*', {
        resolveDebugConfiguration: (f, config) => {
          seen.push(`resolve ${f?.name} ${JSON.stringify(config)}`);
          return config;
        },
        resolveDebugConfigurationWithSubstitutedVariables: (f, config) => {
          seen.push(`subst ${f?.name} ${JSON.stringify(config).slice(0, 300)}`);
          return config;
        },
      });
      try {
        // F5 without a launch.json: VS Code starts from a configuration with nothing in it (not even a
        // type), picks the debugger of the active editor, and asks its provider to fill it in.
        const started = await vscode.debug.startDebugging(folder, {} as vscode.DebugConfiguration);
        assert.equal(
          started,
          true,
          `the session started; Debug Console: ${output.join('')} ${seen.join('\n')} ${vscode.window.activeTextEditor?.document.languageId}`,
        );
        const session = await terminated;
        assert.equal(session.type, 'plugin-host');
      } finally {
        tracker.dispose();
        spy.dispose();
      }
      c.check({ project, folder: folder.uri.fsPath, standIns, name, output: output.join('') });
    });
  }
});
