import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import {
  codeOf,
  EXTENSION_ID,
  gatewaydDevLaunch,
  open,
  ours,
  screenshot,
  ui,
  useStandInHost,
  waitFor,
  workspaceFile,
} from './helpers';
import * as path from 'node:path';
import { readRecord } from '../../helpers/stand-in';

interface Api {
  statusBar(): { text: string; tooltip: string; visible: boolean };
  refreshStatus(): Promise<void>;
  isServerRunning(): boolean;
}

describe('Plugin Workbench in VS Code', () => {
  let api: Api;

  before(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    assert.ok(vscode.workspace.isTrusted, 'this run uses a trusted folder');
  });

  it('shows the problems of a broken gatewayd_plugins.yaml at the right lines and drops them after an edit', async () => {
    const editor = await open('gatewayd/gatewayd_plugins.yaml');
    const uri = editor.document.uri;
    const diagnostics = await waitFor('GatewayD diagnostics', () => ours(uri).length >= 3 && ours(uri));
    const at = (code: string) => diagnostics.filter((d) => codeOf(d) === code).map((d) => d.range.start.line + 1);
    assert.deepEqual(at('gatewayd.invalid-value'), [11]);
    assert.ok(
      at('gatewayd.checksum-format').includes(46),
      JSON.stringify(diagnostics.map((d) => [codeOf(d), d.range.start.line + 1])),
    );
    assert.ok(diagnostics.some((d) => codeOf(d) === 'gatewayd.magic-cookie'));
    // The item follows editor and diagnostics events by itself; give it the time a user would.
    await waitFor(
      'the status bar to show the kind',
      () => api.statusBar().text === '$(plug) GatewayD: gatewayd-plugins',
      10_000,
    ).catch(() => undefined);
    assert.equal(api.statusBar().text, '$(plug) GatewayD: gatewayd-plugins');
    // For the README: the problems panel and the hover on the first problem.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // The panel lists every manifest of the e2e workspace (workspace-wide problems): only this one's.
    await vscode.commands.executeCommand('problems.action.focusFilter');
    await ui([{ type: 'gatewayd/gatewayd_plugins.yaml' }, { pause: 800 }]);
    const column = editor.document.lineAt(10).text.indexOf('passthru') + 3;
    editor.selection = new vscode.Selection(10, column, 10, column);
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await vscode.commands.executeCommand('editor.action.showHover');
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot();
    await vscode.commands.executeCommand('problems.action.clearFilterText');

    const line = editor.document.lineAt(10);
    const start = line.text.indexOf('passthru');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(10, start, 10, start + 'passthru'.length), 'passthrough');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(
      'the defaultPolicy problem to go',
      () => !ours(uri).some((d) => codeOf(d) === 'gatewayd.invalid-value'),
    );
    assert.ok(
      ours(uri).some((d) => codeOf(d) === 'gatewayd.checksum-format'),
      'other problems stay',
    );
  });

  it('shows the problems of a broken CloudQuery spec at the right lines and drops one after an edit', async () => {
    const editor = await open('cloudquery/broken/sync.yml');
    const uri = editor.document.uri;
    const diagnostics = await waitFor('CloudQuery diagnostics', () => ours(uri).length >= 4 && ours(uri));
    const lines = (code: string) => diagnostics.filter((d) => codeOf(d) === code).map((d) => d.range.start.line + 1);
    assert.deepEqual(lines('cloudquery.missing-key'), [4]);
    assert.deepEqual(lines('cloudquery.removed-key'), [8]);
    assert.deepEqual(lines('cloudquery.invalid-value'), [18]);
    const text = editor.document.getText();
    const offset = text.indexOf('overwite');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + 8)),
      'overwrite',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(
      'the write_mode problem to go',
      () => !ours(uri).some((d) => codeOf(d) === 'cloudquery.invalid-value'),
    );
  });

  it('stays silent on an unrelated docker-compose.yml', async () => {
    const compose = (await open('docker-compose.yml')).document.uri;
    // Open a manifest afterwards: once it has diagnostics, the server has handled the compose file too.
    const manifest = (await open('gatewayd/gatewayd-plugin-query-guard/gatewayd_plugin.yaml')).document.uri;
    await open('gatewayd/gatewayd_plugins.yaml');
    await waitFor('a later manifest to be validated', () => vscode.languages.getDiagnostics(manifest) !== undefined);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(ours(compose), []);
    await vscode.window.showTextDocument(compose);
    await api.refreshStatus();
    assert.equal(api.statusBar().visible, false);
  });

  it('applies a file association set by the change-association command', async () => {
    const uri = workspaceFile('custom/plugins-custom.yml');
    await open('custom/plugins-custom.yml');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(
      ours(uri).filter((d) => codeOf(d) === 'gatewayd.unknown-key').length,
      0,
      'not recognised before the association',
    );
    await vscode.commands.executeCommand('pluginWorkbench.changeAssociation', {
      uri: uri.toString(),
      kind: 'gatewayd-plugins',
    });
    const diagnostics = await waitFor(
      'diagnostics after the association',
      () => ours(uri).some((d) => codeOf(d) === 'gatewayd.unknown-key') && ours(uri),
    );
    assert.equal(diagnostics.find((d) => codeOf(d) === 'gatewayd.unknown-key')?.range.start.line, 5);
    await vscode.commands.executeCommand('pluginWorkbench.changeAssociation', {
      uri: uri.toString(),
      kind: 'automatic',
    });
    await waitFor('the association to be removed', () => !ours(uri).some((d) => codeOf(d) === 'gatewayd.unknown-key'));
  });

  it('answers completion and hover', async () => {
    const editor = await open('gatewayd/gatewayd_plugins.yaml');
    const document = editor.document;
    const line = document.lineAt(10);
    const position = new vscode.Position(10, line.text.indexOf(':') + 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('passthrough') && labels.includes('terminate'), labels.join(', '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(10, 2),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
      .join('\n');
    assert.match(text, /passthrough/);
  });

  it('restarts the language server and keeps validating', async () => {
    const running = await vscode.commands.executeCommand<boolean>('pluginWorkbench.restartServer');
    assert.equal(running, true);
    assert.equal(api.isServerRunning(), true);
    const editor = await open('anklet/broken/config.yml');
    await waitFor('Anklet diagnostics after the restart', () => ours(editor.document.uri).length > 0);
  });

  it('reads plugin binaries in a trusted folder: a wrong checksum is reported', async () => {
    const uri = (await open('checksum-case/gatewayd_plugins.yaml')).document.uri;
    await waitFor('the checksum mismatch', () => ours(uri).some((d) => codeOf(d) === 'gatewayd.checksum-mismatch'));
  });

  it("runs the in-process update-checksum task, which writes the binary's SHA-256 and keeps the comment", async () => {
    const binary = workspaceFile('gatewayd-dev/gatewayd-plugin-dev').fsPath;
    fs.writeFileSync(binary, 'a freshly built plugin binary\n', { mode: 0o755 });
    const tasks = await vscode.tasks.fetchTasks({ type: 'plugin-workbench' });
    const task = tasks.find((t) => t.name === 'gatewayd: update checksum (gatewayd-dev)');
    assert.ok(task, tasks.map((t) => t.name).join(', '));
    const ended = new Promise<void>((resolve) => {
      const listener = vscode.tasks.onDidEndTask((event) => {
        if (event.execution.task.name === task.name) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.tasks.executeTask(task);
    await ended;
    const expected = createHash('sha256').update(fs.readFileSync(binary)).digest('hex');
    const config = fs.readFileSync(workspaceFile('gatewayd-dev/gatewayd_plugin.yaml').fsPath, 'utf8');
    assert.match(config, new RegExp(`checksum: ${expected} # stale on purpose`));
  });

  it('starts a plugin-host session: gatewayd run --dev with the fresh build, output in the Debug Console, stopped on exit', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const standIns = await useStandInHost('standins', 'gatewayd');
    const output: string[] = [];
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('plugin-host', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (message: { type: string; event?: string; body?: { output?: string } }) => {
          if (message.event === 'output' && message.body?.output) output.push(message.body.output);
        },
      }),
    });
    const terminated = new Promise<void>((resolve) => {
      const listener = vscode.debug.onDidTerminateDebugSession(() => {
        listener.dispose();
        resolve();
      });
    });
    try {
      const started = await vscode.debug.startDebugging(folder, gatewaydDevLaunch('e2e: GatewayD dev mode'));
      assert.equal(started, true);
      await terminated;
    } finally {
      tracker.dispose();
    }
    const record = readRecord(standIns, 'gatewayd');
    assert.deepEqual(record.argv.slice(0, 4), [
      'run',
      '--dev',
      '-c',
      workspaceFile('gatewayd-dev/gatewayd.yaml').fsPath,
    ]);
    assert.equal(record.argv[4], '-p');
    assert.match(fs.readFileSync(record.argv[5], 'utf8'), /localPath: ".*gatewayd-dev\/gatewayd-plugin-dev"/);
    assert.match(output.join(''), /gatewayd stand-in: starting in dev mode/);
    assert.match(output.join(''), /gatewayd stand-in: a line on stderr/);
  });

  it('refuses a CloudQuery session with debugPlugin when no go debugger is installed, and starts nothing', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const standIns = await useStandInHost('standins-cq', 'cloudquery');
    assert.equal(
      vscode.extensions.all.some((e) =>
        (e.packageJSON?.contributes?.debuggers ?? []).some((d: { type?: string }) => d.type === 'go'),
      ),
      false,
      'this VS Code has no Go extension',
    );
    let sessions = 0;
    const listener = vscode.debug.onDidStartDebugSession(() => sessions++);
    try {
      const started = await vscode.debug.startDebugging(folder, {
        type: 'plugin-host',
        request: 'launch',
        name: 'e2e: CloudQuery under the Go debugger',
        system: 'cloudquery',
        project: '${workspaceFolder}/cloudquery-dev',
        debugPlugin: true,
        build: false,
      });
      assert.equal(started, false);
    } finally {
      listener.dispose();
    }
    assert.equal(sessions, 0);
    assert.equal(fs.existsSync(`${standIns}/cloudquery.record.json`), false);
  });

  it('New Plugin asks for system, kind, name (refusing a bad one in the box, with the reason) and options, then writes the project', async function () {
    // Typing into VS Code's pickers needs the Playwright harness; the Electron runner has no page to type in.
    if (!process.env.PW_E2E_MARKERS) this.skip();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const template = JSON.parse(
      fs.readFileSync(
        path.join(extension.extensionPath, 'dist', 'templates', 'ekuiper-function-go', 'template.json'),
        'utf8',
      ),
    ) as {
      title: string;
      name: { message: string };
      options: Array<{ key: string }>;
    };
    const parentDir = workspaceFile('wizard').fsPath;
    fs.mkdirSync(parentDir, { recursive: true });
    // Only the folder comes as an argument: the open dialog is the operating system's outside the web.
    const running = Promise.resolve(
      vscode.commands.executeCommand<{ directory: string; files: string[] } | undefined>('pluginWorkbench.newPlugin', {
        parentDir,
        open: false,
      }),
    );
    const widget = '.quick-input-widget';
    const [refusal] = await ui([
      { until: widget, text: 'which system?' },
      { type: 'eKuiper' },
      { pause: 400 },
      { press: 'Enter' },
      { until: widget, text: 'which kind?' },
      { type: 'native function' },
      { pause: 400 },
      { press: 'Enter' },
      { until: widget, text: `New ${template.title}` },
      { type: 'Bad-Name' },
      { pause: 1000 },
      { read: '.quick-input-message' },
    ]);
    assert.match(refusal, new RegExp(template.name.message.slice(0, 30).replace(/[()]/g, '\\$&')));
    const steps: Parameters<typeof ui>[0] = [
      { press: 'Control+A' },
      { type: 'wizardEcho' },
      { pause: 600 },
      { press: 'Enter' },
    ];
    for (const option of template.options)
      steps.push({ until: widget, text: `: ${option.key}` }, { pause: 300 }, { press: 'Enter' });
    await ui(steps);
    const result = await running;
    assert.ok(result, 'the wizard finished');
    assert.equal(result.directory, path.join(parentDir, 'wizardEcho'));
    assert.ok(result.files.length > 3 && result.files.every((f) => fs.existsSync(f)));
    assert.ok(
      result.files.some((f) => f.endsWith('wizardEcho.json')),
      result.files.join(', '),
    );
    // The eKuiper target was offered as a pick list with the newest release first: go.mod follows it.
    const goMod = fs.readFileSync(path.join(result.directory, 'go.mod'), 'utf8');
    assert.match(goMod, /^go 1\.25\.4$/m);
    assert.match(goMod, /contract\/v2 v2\.3\.1$/m);
  });

  it('creates a new plugin project from the command, non-interactively, and never overwrites', async () => {
    const parentDir = workspaceFile('generated').fsPath;
    fs.mkdirSync(parentDir, { recursive: true });
    for (const [template, name] of [
      ['gatewayd-plugin-go', 'gatewayd-plugin-e2e'],
      ['logcraft-plugin-rust', 'e2e-detections'],
    ]) {
      const result = await vscode.commands.executeCommand<{ directory: string; files: string[] }>(
        'pluginWorkbench.newPlugin',
        {
          template,
          name,
          parentDir,
          options: { org: 'example-org' },
          open: false,
        },
      );
      assert.ok(result && result.files.length > 0, template);
      assert.ok(result.files.every((f) => fs.existsSync(f)));
      await assert.rejects(
        Promise.resolve(
          vscode.commands.executeCommand('pluginWorkbench.newPlugin', { template, name, parentDir, open: false }),
        ),
        /exist already/,
      );
    }
    const manifest = (await open('generated/gatewayd-plugin-e2e/gatewayd_plugin.yaml')).document.uri;
    await waitFor(
      'the generated manifest to be validated',
      () => vscode.languages.getDiagnostics(manifest) !== undefined,
    );
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(
      ours(manifest)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
        .map((d) => d.message),
      [],
    );
  });
});
