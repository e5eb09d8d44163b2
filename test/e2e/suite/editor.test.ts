import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { codeOf, EXTENSION_ID, ours, ui, waitFor, workspaceFile } from './helpers';

// The editor as a user feels it: keys pressed in the page, widgets read from the page. Nothing
// here calls vscode.execute…Provider, which skips VS Code's own filtering and indentation.

const SUGGEST_ROW = '.editor-widget.suggest-widget.visible .monaco-list-row';
const SUGGEST = '.editor-widget.suggest-widget.visible';
const ACTIONS = '.action-widget';
const LENS = '.contentWidgets .codelens-decoration a, .codelens-decoration a';
const TOAST = '.notifications-toasts .notification-toast';

/** Writes files under the workspace folder. */
function write(files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    const file = workspaceFile(relative).fsPath;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** Writes a file into the workspace and shows it with the cursor at the `|` in `marked`. */
async function edit(relative: string, marked: string): Promise<vscode.TextEditor> {
  const file = workspaceFile(relative).fsPath;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, marked.replace('|', ''));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  const position = document.positionAt(marked.indexOf('|'));
  editor.selection = new vscode.Selection(position, position);
  // The server has read the file once its diagnostics (or its status) arrived; give it the time a user takes.
  await new Promise((r) => setTimeout(r, 1500));
  return editor;
}

/** Ctrl+Space and the rows of the suggest widget as the page shows them. */
async function suggestions(): Promise<string> {
  const [rows] = await ui([{ press: 'Control+Space' }, { until: SUGGEST_ROW }, { pause: 500 }, { read: SUGGEST }]);
  return rows;
}

describe('Editing manifests in VS Code', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    await ui([{ press: 'Escape' }, { press: 'Escape' }]).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Ctrl+Space inside an empty quoted TOML value lists the state types, and Enter fills the quotes', async () => {
    const editor = await edit('editing/logcraft/lgc.toml', '[core]\nworkspace = "rules"\n\n[state]\ntype = "|"\n');
    const rows = await suggestions();
    assert.match(rows, /local/);
    assert.match(rows, /http/);
    await ui([{ press: 'Enter' }, { pause: 500 }]);
    assert.match(editor.document.getText(), /^type = "(local|http)"$/m);
  });

  it('Ctrl+Space inside a quoted JSON value of an eKuiper sink lists the field types', async () => {
    await edit(
      'editing/ekuiper/etc/sinks/demo.json',
      '{\n  "about": {"trial": true, "author": {"name": "a"}, "helpUrl": {"en_US": "x"}, "description": {"en_US": "x"}},\n  "libs": [],\n  "properties": [\n    {"name": "url", "default": "", "optional": false, "control": "text", "type": "|", "hint": {"en_US": "u"}, "label": {"en_US": "URL"}}\n  ]\n}\n',
    );
    const rows = await suggestions();
    assert.match(rows, /list_string/);
    assert.match(rows, /bool/);
  });

  it('Ctrl+Space inside a quoted YAML value lists passthrough and terminate', async () => {
    await edit('editing/gatewayd/gatewayd_plugins.yaml', 'defaultPolicy: "|"\nplugins: []\n');
    const rows = await suggestions();
    assert.match(rows, /passthrough/);
    assert.match(rows, /terminate/);
  });

  it('accepting a list key inside spec: puts its first item two spaces deeper, not six', async () => {
    const editor = await edit(
      'editing/cloudquery/pg.yml',
      'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n  |\n',
    );
    await ui([
      { type: 'transfor' },
      { press: 'Control+Space' },
      { until: SUGGEST_ROW, text: 'transformers' },
      { pause: 300 },
      { press: 'Enter' },
      { pause: 500 },
    ]);
    assert.match(editor.document.getText(), /\n {2}transformers:\n {4}- /, JSON.stringify(editor.document.getText()));
  });

  it('Ctrl+. on a problem offers "Suppress <code> on this line", and choosing it hides the problem', async () => {
    const editor = await edit(
      'editing/gatewayd-suppress/gatewayd_plugins.yaml',
      'plugins:\n  - name: cache\n    enabled: true\n    checksum: a|bc\n',
    );
    await waitFor('the checksum problem', () =>
      ours(editor.document.uri).some((d) => codeOf(d) === 'gatewayd.checksum-format'),
    );
    const [menu] = await ui([{ press: 'Control+.' }, { until: ACTIONS, text: 'Suppress' }, { read: ACTIONS }]);
    assert.match(menu, /Suppress gatewayd\.checksum-format on this line/);
    // The suppression is the last entry: End, then Enter, as with the keyboard.
    await ui([{ press: 'End' }, { pause: 200 }, { press: 'Enter' }, { pause: 800 }]);
    assert.match(
      editor.document.getText(),
      /# plugin-workbench-disable-next-line gatewayd\.checksum-format\n {4}checksum: abc/,
    );
    await waitFor(
      'the problem to go',
      () => !ours(editor.document.uri).some((d) => codeOf(d) === 'gatewayd.checksum-format'),
    );
  });

  it('F2 on a CloudQuery destination renames it in its spec and in the source spec beside it', async () => {
    const source = workspaceFile('editing/cq-rename/aws.yml').fsPath;
    fs.mkdirSync(path.dirname(source), { recursive: true });
    fs.writeFileSync(
      source,
      'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: ["*"]\n  destinations: [postgresql]\n',
    );
    const editor = await edit(
      'editing/cq-rename/postgresql.yml',
      'kind: destination\nspec:\n  name: postgr|esql\n  path: cloudquery/postgresql\n  version: v8.0.0\n',
    );
    await ui([
      { press: 'F2' },
      { until: '.rename-box input' },
      { pause: 800 },
      { press: 'Control+A' },
      { type: 'warehouse' },
      { press: 'Enter' },
      { pause: 1500 },
    ]);
    assert.match(editor.document.getText(), /name: warehouse\n {2}path: cloudquery\/postgresql/);
    const other =
      vscode.workspace.textDocuments.find((d) => d.uri.fsPath === source) ??
      (await vscode.workspace.openTextDocument(vscode.Uri.file(source)));
    assert.match(other.getText(), /destinations: \[warehouse\]/);
  });

  it('the "Update checksum" lens above a GatewayD plugin entry runs the task: the checksum becomes the binary\'s', async () => {
    write({
      'editing/gw-lens/go.mod': 'module example.com/gw-lens\n\ngo 1.22\n',
      'editing/gw-lens/gw-lens-plugin': 'a plugin binary built for the lens test\n',
    });
    const binary = workspaceFile('editing/gw-lens/gw-lens-plugin').fsPath;
    fs.chmodSync(binary, 0o755);
    const expected = createHash('sha256').update(fs.readFileSync(binary)).digest('hex');
    await edit(
      'editing/gw-lens/gatewayd_plugin.yaml',
      'plugins:\n  - name: gw-lens-plugin\n    enabled: true\n    url: github.com/example-org/gw-lens-plugin@latest\n    localPath: ./gw-lens-plugin\n    env:\n      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN\n      - MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872\n    checksum: |0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    );
    await ui([
      { until: LENS, text: 'Update checksum' },
      { click: LENS, text: 'Update checksum' },
    ]);
    const file = workspaceFile('editing/gw-lens/gatewayd_plugin.yaml').fsPath;
    await waitFor('the checksum to be written', () => fs.readFileSync(file, 'utf8').includes(`checksum: ${expected}`));
  });

  it('"▶ Sync (dev)" above a CloudQuery source starts its project\'s launch; a missing host says where to set its path and opens the setting', async () => {
    const settings = vscode.workspace.getConfiguration('pluginWorkbench');
    const before = settings.inspect<string>('cloudquery.path')?.globalValue;
    await settings.update('cloudquery.path', '/nonexistent/cloudquery', vscode.ConfigurationTarget.Global);
    try {
      write({
        'editing/cq-lens/go.mod':
          'module example.com/cq-source-lens\n\ngo 1.22\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.60.0\n',
        'editing/cq-lens/main.go': 'package main\n\nfunc main() {}\n',
      });
      await edit(
        'editing/cq-lens/test/config.yml',
        'kind: source\nspec:\n  name: |lens\n  registry: grpc\n  path: localhost:7777\n  tables: ["*"]\n  destinations: [sqlite]\n---\nkind: destination\nspec:\n  name: sqlite\n  path: cloudquery/sqlite\n  version: v2.0.0\n',
      );
      const [toast] = await ui([
        { until: LENS, text: 'Sync (dev)' },
        { click: LENS, text: 'Sync (dev)' },
        { until: TOAST, text: 'cloudquery was not found' },
        { read: TOAST },
      ]);
      assert.match(toast, /CloudQuery: sync with cq-lens/);
      // The User setting is read in this (remote) window: the message names its value.
      assert.match(toast, /not found at \/nonexistent\/cloudquery/);
      assert.match(toast, /Set pluginWorkbench\.cloudquery\.path in your User settings/);
      assert.match(toast, /Open Setting/);
      await ui([
        { click: `${TOAST} .monaco-button`, text: 'Open Setting' },
        { until: '.settings-editor .setting-item-contents', text: 'cloudquery' },
      ]);
    } finally {
      await settings.update('cloudquery.path', before, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('"Validate" and "Plan" above an lgc.toml service; Validate runs lgc validate <id> (here: lgc is missing, and says so)', async () => {
    const settings = vscode.workspace.getConfiguration('pluginWorkbench');
    const before = settings.inspect<string>('logcraft.path')?.globalValue;
    await settings.update('logcraft.path', '/nonexistent/lgc', vscode.ConfigurationTarget.Global);
    try {
      await edit(
        'editing/lgc-lens/lgc.toml',
        '[core]\nworkspace = "rules"\n\n[services.|prod-splunk]\nplugin = "splunk"\n',
      );
      const [lenses] = await ui([{ until: LENS, text: 'Validate' }, { read: '.contentWidgets' }]);
      assert.match(lenses, /Validate/);
      assert.match(lenses, /Plan/);
      const [toast] = await ui([
        { click: LENS, text: 'Validate' },
        { until: TOAST, text: 'lgc was not found' },
        { read: TOAST },
      ]);
      assert.match(toast, /Set pluginWorkbench\.logcraft\.path in your User settings/);
    } finally {
      await settings.update('logcraft.path', before, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('the status bar item reads to a screen reader in plain words, without markdown', async () => {
    await edit('editing/status/gatewayd_plugins.yaml', 'plugins: []\n|');
    const [label] = await ui([
      { until: '.statusbar-item', text: 'GatewayD' },
      {
        attribute:
          '.statusbar-item:has-text("GatewayD: gatewayd-plugins") a, .statusbar-item:has-text("GatewayD: gatewayd-plugins")',
        name: 'aria-label',
      },
    ]);
    assert.match(label, /Plugin Workbench: GatewayD/);
    assert.doesNotMatch(label, /\*\*/);
  });

  it('manifest snippets come from the server: gwd-plugin under plugins:, nothing of ours in docker-compose.yml', async () => {
    await edit('editing/snippets/gatewayd_plugins.yaml', 'plugins:\n  |\n');
    await ui([{ type: 'gwd' }]);
    const rows = await suggestions();
    assert.match(rows, /gwd-plugin/);
    assert.doesNotMatch(rows, /gwd-plugins-config|cq-|anklet-/);
    await ui([{ press: 'Escape' }]);
    await edit('editing/snippets/docker-compose.yml', 'services:\n  db:\n    image: postgres\n|\n');
    const [compose] = await ui([
      { type: 'gw' },
      { press: 'Control+Space' },
      { pause: 2000 },
      { read: '.editor-widget.suggest-widget' },
    ]);
    assert.doesNotMatch(compose, /gwd-/);
  });

  it('an eKuiper plugin go.mod: the hover on its go line names the target release, Ctrl+Space after `go ` lists its Go first', async () => {
    const text = 'module example.com/ek-gomod\n\ngo 1.2|1\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1\n';
    const editor = await edit('editing/ek-gomod/go.mod', text);
    await waitFor('the go.mod diagnostics', () =>
      ours(editor.document.uri).some((d) => codeOf(d) === 'ekuiper.go-version'),
    );
    await vscode.commands.executeCommand('editor.action.showHover');
    const [hover] = await ui([
      { until: '.monaco-hover', text: 'Target: eKuiper' },
      { read: '.monaco-hover:has-text("Target: eKuiper")' },
    ]);
    assert.match(hover, /go directive/);
    assert.match(hover, /it says 1\.21, the target needs 1\.25\.4/);
    // As a user edits it: the version deleted, then Ctrl+Space after `go `.
    await ui([
      { press: 'Escape' },
      { press: 'End' },
      { press: 'Backspace' },
      { press: 'Backspace' },
      { press: 'Backspace' },
      { press: 'Backspace' },
      { pause: 500 },
    ]);
    assert.equal(editor.document.lineAt(2).text, 'go ');
    const rows = await suggestions();
    assert.ok(rows.indexOf('1.25.4') >= 0 && rows.indexOf('1.25.4') < rows.indexOf('1.24.1'), rows);
    // Enter takes the target's Go: the go.mod matches and its problem goes (the Problems panel is
    // left as the other tests expect it).
    await ui([{ press: 'Enter' }, { pause: 300 }]);
    assert.equal(editor.document.lineAt(2).text, 'go 1.25.4');
    await waitFor('the go.mod problem to go', () => ours(editor.document.uri).length === 0, 30_000);
  });

  it('manifests that were never opened show their problems in the Problems panel, also one written to disk later', async () => {
    // Found by the background scan at start-up; no test opens this file.
    const broken = workspaceFile('gatewayd/broken/gatewayd_plugins.yaml');
    await waitFor('problems of the never-opened file', () => ours(broken).length > 0, 60_000);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === broken.fsPath), 'the file was not opened');
    // Written by another program into an existing folder: the file watcher's event has it checked.
    write({
      'cloudquery/broken/unopened.yml':
        'kind: destination\nspec:\n  name: lake\n  path: cloudquery/s3\n  version: 1.0.0\n',
    });
    const written = workspaceFile('cloudquery/broken/unopened.yml');
    await waitFor(
      'problems of the file written to disk',
      () => ours(written).some((d) => codeOf(d) === 'cloudquery.version-format'),
      60_000,
    );
    // The panel lists every manifest of the workspace and shows only the rows that fit: each file
    // is looked for with the panel's own filter, as a user would.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    for (const [filter, shown] of [
      ['cloudquery/broken/unopened.yml', /unopened\.yml/],
      ['gatewayd/broken/gatewayd_plugins.yaml', /gatewayd_plugins\.yaml/],
    ] as const) {
      await vscode.commands.executeCommand('problems.action.clearFilterText');
      await vscode.commands.executeCommand('problems.action.focusFilter');
      await ui([{ type: filter }, { pause: 800 }]);
      const [panel] = await ui([{ until: '.markers-panel', text: path.basename(filter) }, { read: '.markers-panel' }]);
      assert.match(panel, shown);
    }
    await vscode.commands.executeCommand('problems.action.clearFilterText');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('the getting-started walkthrough opens on its first step, and every command it runs exists in VS Code', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const steps: Array<{ description: string; completionEvents?: string[] }> =
      manifest.contributes.walkthroughs[0].steps;
    const used = steps.flatMap((step) => [
      ...[...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]),
      ...(step.completionEvents ?? []).map((e) => e.replace(/^onCommand:/, '')),
    ]);
    const known = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      used.filter((c) => !known.has(c)),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
    const [page] = await ui([
      { until: '.gettingStartedContainer', text: 'Pick your plugin system' },
      { read: '.gettingStartedContainer' },
    ]);
    assert.match(page, /Get started with Plugin Workbench/);
    assert.match(page, /Run it in dev mode/);
  });
});
