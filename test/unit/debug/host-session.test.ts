import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { buildLaunchPlan, LaunchConfigError, type LaunchPlan } from '../../../server/src/systems';
import { PluginHostSession, START_DEBUGGER_EVENT } from '../../../client/src/debug/host-session';
import { makeTree } from '../../helpers/engine';
import { isAlive, readRecord, writeStandIn } from '../../helpers/stand-in';

interface Message {
  type: string;
  event?: string;
  command?: string;
  success?: boolean;
  body?: { output?: string; category?: string; exitCode?: number };
}

/** Drives the inline debug adapter through the Debug Adapter Protocol, as VS Code does. */
class Driver {
  readonly messages: Message[] = [];
  private seq = 1;
  constructor(readonly session = new PluginHostSession()) {
    session.onDidSendMessage((message) => this.messages.push(message as Message));
  }
  send(command: string, args: unknown): void {
    this.session.handleMessage({ seq: this.seq++, type: 'request', command, arguments: args } as never);
  }
  output(): string {
    return this.messages
      .filter((m) => m.event === 'output')
      .map((m) => m.body?.output ?? '')
      .join('');
  }
  async until(what: string, predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output so far:\n${this.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  terminated(): boolean {
    return this.messages.some((m) => m.event === 'terminated');
  }
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const PLUGINS = 'plugins:\n  - name: guard\n    enabled: true\n    localPath: ./old/guard\n    checksum: abc\n';

test('GatewayD: gatewayd run --dev with a dev copy of the plugins config pointing at the fresh build', async () => {
  const dir = makeTree({ 'gatewayd.yaml': 'loggers: {}\n', 'gatewayd_plugins.yaml': PLUGINS, guard: 'binary' });
  const host = writeStandIn(dir, 'gatewayd');
  const plan = buildLaunchPlan({ system: 'gatewayd', project: dir, binary: 'guard', plugin: 'guard' }, { host });
  const driver = new Driver();
  driver.send('initialize', { adapterID: 'plugin-host' });
  driver.send('launch', { plan });
  await driver.until('the host to exit', () => driver.terminated());
  const record = readRecord(dir, 'gatewayd');
  const devConfig = plan.writes[0].file;
  assert.deepEqual(record.argv, ['run', '--dev', '-c', path.join(dir, 'gatewayd.yaml'), '-p', devConfig]);
  assert.equal(record.cwd, fs.realpathSync(dir));
  assert.match(
    fs.readFileSync(devConfig, 'utf8'),
    new RegExp(`localPath: "${path.join(dir, 'guard').replace(/[/.]/g, '\\$&')}"`),
  );
  assert.equal(
    fs.readFileSync(path.join(dir, 'gatewayd_plugins.yaml'), 'utf8'),
    PLUGINS,
    "the user's config is untouched",
  );
  assert.match(driver.output(), /gatewayd stand-in: starting in dev mode/);
  assert.match(driver.output(), /gatewayd stand-in: a line on stderr/);
  assert.ok(driver.messages.some((m) => m.event === 'output' && m.body?.category === 'stderr'));
});

test('GatewayD without gatewayd.yaml: a session config with the defaults, said in the Debug Console, and the trace level in the environment', async () => {
  const dir = makeTree({ 'gatewayd_plugins.yaml': PLUGINS, guard: 'binary' });
  const host = writeStandIn(dir, 'gatewayd');
  const plan = buildLaunchPlan({ system: 'gatewayd', project: dir, binary: 'guard', plugin: 'guard' }, { host });
  const driver = new Driver();
  driver.send('initialize', { adapterID: 'plugin-host' });
  driver.send('launch', { plan });
  await driver.until('the host to exit', () => driver.terminated());
  const record = readRecord(dir, 'gatewayd');
  const sessionConfig = record.argv[3];
  assert.ok(!sessionConfig.startsWith(dir), sessionConfig);
  assert.match(fs.readFileSync(sessionConfig, 'utf8'), /level: trace/);
  assert.equal(record.env.GATEWAYD_LOGGERS_DEFAULT_LEVEL, 'trace');
  assert.ok(
    driver
      .output()
      .includes(`has no gatewayd.yaml: this session uses a dev config with GatewayD's defaults at ${sessionConfig}`),
    driver.output(),
  );
  assert.equal(fs.existsSync(path.join(dir, 'gatewayd.yaml')), false, 'nothing is written into the project');
});

test('stop kills the whole process tree', async () => {
  const dir = makeTree({ 'config.yml': 'plugins: []\n' });
  const go = writeStandIn(dir, 'go', { stayAlive: true });
  const plan = buildLaunchPlan({ system: 'anklet', project: dir, env: { EXTRA: '1' } }, { go });
  const driver = new Driver();
  driver.send('initialize', {});
  driver.send('launch', { plan });
  await driver.until(
    'the stand-in to start',
    () => fs.existsSync(path.join(dir, 'go.record.json')) && /starting/.test(driver.output()),
  );
  const record = readRecord(dir, 'go');
  assert.deepEqual(record.argv, ['run', 'main.go', '-c', path.join(dir, 'config.yml')]);
  assert.equal(record.env.LOG_LEVEL, 'dev');
  assert.equal(record.env.EXTRA, '1');
  assert.ok(isAlive(record.pid) && isAlive(record.grandchild));
  driver.send('terminate', {});
  await driver.until('both processes to die', () => !isAlive(record.pid) && !isAlive(record.grandchild));
  assert.ok(driver.terminated());
});

test('CloudQuery: the plugin is served on a port, then cloudquery sync runs a spec pointing at it', async () => {
  const port = await freePort();
  const spec =
    'kind: source\nspec:\n  name: books\n  registry: local\n  path: ./books\n  tables: ["*"]\n  destinations: [sqlite]\n---\nkind: destination\nspec:\n  name: sqlite\n  path: cloudquery/sqlite\n  version: v2.0.0\n';
  const dir = makeTree({ 'test/config.yml': spec, 'main.go': 'package main\n' });
  const go = writeStandIn(dir, 'go', { stayAlive: true });
  const host = writeStandIn(dir, 'cloudquery');
  const plan: LaunchPlan = buildLaunchPlan({ system: 'cloudquery', project: dir, port }, { host, go });
  const driver = new Driver();
  driver.send('initialize', {});
  driver.send('launch', { plan });
  await driver.until('the sync to finish', () => driver.terminated());
  assert.deepEqual(readRecord(dir, 'go').argv, ['run', 'main.go', 'serve', '--address', `localhost:${port}`]);
  const sync = readRecord(dir, 'cloudquery');
  assert.deepEqual(sync.argv.slice(0, 1).concat(sync.argv.slice(2)), ['sync', '--log-console']);
  const devSpec = fs.readFileSync(sync.argv[1], 'utf8');
  assert.match(devSpec, /registry: "grpc"/);
  assert.match(devSpec, new RegExp(`path: "localhost:${port}"`));
  assert.match(devSpec, /name: sqlite\n  path: cloudquery\/sqlite/, 'the destination is untouched');
  await driver.until('the plugin server to be stopped', () => !isAlive(readRecord(dir, 'go').pid));
});

test('CloudQuery with debugPlugin: the editor is asked to start the plugin under the go debugger; the sync waits for its port', async () => {
  const port = await freePort();
  const spec =
    'kind: source\nspec:\n  name: books\n  registry: grpc\n  path: localhost:7777\n  tables: ["*"]\n  destinations: [sqlite]\n';
  const dir = makeTree({ 'test/config.yml': spec, 'main.go': 'package main\n' });
  const go = writeStandIn(dir, 'go');
  const host = writeStandIn(dir, 'cloudquery');
  const plan = buildLaunchPlan(
    { system: 'cloudquery', project: dir, port, debugPlugin: true, env: { CQ_X: '1' } },
    { host, go },
  );
  const driver = new Driver();
  driver.send('initialize', {});
  driver.send('launch', { plan });
  await driver.until('the request for a go debug session', () =>
    driver.messages.some((m) => m.event === START_DEBUGGER_EVENT),
  );
  const request = driver.messages.find((m) => m.event === START_DEBUGGER_EVENT) as unknown as {
    body: { configuration: Record<string, unknown> };
  };
  assert.deepEqual(request.body.configuration, {
    type: 'go',
    request: 'launch',
    name: `CloudQuery plugin on localhost:${port}`,
    mode: 'debug',
    program: dir,
    cwd: dir,
    args: ['serve', '--address', `localhost:${port}`],
    env: { CQ_X: '1' },
  });
  assert.equal(fs.existsSync(path.join(dir, 'go.record.json')), false, 'the adapter does not run go itself');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(fs.existsSync(path.join(dir, 'cloudquery.record.json')), false, 'no sync before the plugin listens');
  // What the go debugger would do: serve the plugin on the port.
  const plugin = net.createServer().listen(port, '127.0.0.1');
  try {
    await driver.until('the sync to finish', () => driver.terminated());
    assert.equal(readRecord(dir, 'cloudquery').argv[0], 'sync');
    assert.match(
      fs.readFileSync(readRecord(dir, 'cloudquery').argv[1], 'utf8'),
      new RegExp(`path: "localhost:${port}"`),
    );
  } finally {
    plugin.close();
  }
});

test('eKuiper and LogCraft: files are put in place before the host starts', async () => {
  const home = makeTree({});
  fs.mkdirSync(path.join(home, 'bin'));
  const kuiperd = writeStandIn(path.join(home, 'bin'), 'kuiperd');
  const project = makeTree({
    'plugins/sources/Random@v1.0.0.so': 'so',
    'etc/sources/random.json': '{}',
    'etc/sources/random.yaml': 'default: {}\n',
  });
  const plan = buildLaunchPlan(
    {
      system: 'ekuiper',
      project,
      pluginType: 'source',
      soFile: 'plugins/sources/Random@v1.0.0.so',
      metadata: 'etc/sources/random.json',
      sourceYaml: 'etc/sources/random.yaml',
    },
    { host: kuiperd },
  );
  const driver = new Driver();
  driver.send('initialize', {});
  driver.send('launch', { plan });
  await driver.until('kuiperd to exit', () => driver.terminated());
  for (const file of ['plugins/sources/Random@v1.0.0.so', 'etc/sources/random.json', 'etc/sources/random.yaml'])
    assert.ok(fs.existsSync(path.join(home, file)), file);
  assert.equal(readRecord(path.join(home, 'bin'), 'kuiperd').cwd, fs.realpathSync(home));

  const lgcDir = makeTree({ 'lgc.toml': '[core]\nworkspace = "rules"\n', 'plugin/my_splunk.wasm': 'wasm' });
  const lgc = writeStandIn(lgcDir, 'lgc');
  const lgcPlan = buildLaunchPlan(
    { system: 'logcraft', project: lgcDir, wasm: 'plugin/my_splunk.wasm', lgcProject: '.', command: 'plan' },
    { host: lgc },
  );
  const second = new Driver();
  second.send('initialize', {});
  second.send('launch', { plan: lgcPlan });
  await second.until('lgc to exit', () => second.terminated());
  assert.ok(fs.existsSync(path.join(lgcDir, 'plugins', 'my-splunk.wasm')));
  assert.deepEqual(readRecord(lgcDir, 'lgc').argv, ['plan']);
});

test('clear errors for bad attributes and missing hosts', () => {
  const dir = makeTree({
    'gatewayd.yaml': '',
    'gatewayd_plugins.yaml': PLUGINS.replace('guard', 'a') + '  - name: b\n',
  });
  assert.throws(
    () => buildLaunchPlan({ system: 'gatewayd', project: dir, binary: 'x' }, {}),
    (e: unknown) => e instanceof LaunchConfigError && /pluginWorkbench\.gatewayd\.path/.test(e.message),
  );
  assert.throws(
    () => buildLaunchPlan({ system: 'gatewayd', project: dir, binary: 'x' }, { host: '/bin/true' }),
    /Name the plugin entry to run in the "plugin" attribute \(.* has: a, b\)/,
  );
  assert.throws(
    () => buildLaunchPlan({ system: 'anklet', project: dir }, { go: '/bin/true' }),
    /The Anklet config .*config\.yml \(attribute "config"\) does not exist/,
  );
  assert.throws(
    () => buildLaunchPlan({ system: 'logcraft', project: dir, wasm: 'x.wasm', lgcProject: '.' }, {}),
    /pluginWorkbench\.logcraft\.path/,
  );
});

test('a host that cannot start ends the session with the reason', async () => {
  const dir = makeTree({ 'config.yml': '' });
  const plan = buildLaunchPlan({ system: 'anklet', project: dir }, { go: path.join(dir, 'missing-go') });
  const driver = new Driver();
  driver.send('initialize', {});
  driver.send('launch', { plan });
  await driver.until('the session to end', () => driver.terminated());
  assert.match(driver.output(), /could not start .*missing-go/);
});
