import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { DocumentSymbol, Range } from 'vscode-languageserver-protocol';
import { Workbench } from '../../helpers/features';
import { makeTree } from '../../helpers/engine';

// In-process: the outline function over the real engine (test/lsp/hover-symbols-definition.test.ts is the LSP smoke test).
const workbench = new Workbench();

// SymbolKind values (LSP): Module 2, Namespace 3, Property 7, Field 8, Function 12, Array 18, Event 24.
const MODULE = 2;
const FUNCTION = 12;

async function symbolsOf(file: string, text: string, into = workbench): Promise<DocumentSymbol[] | null> {
  return into.outlineOf(file, text);
}

/** name -> children names, depth-first, for compact assertions. */
function tree(symbols: DocumentSymbol[] | null | undefined): unknown {
  return (symbols ?? []).map((s) => (s.children?.length ? { [s.name]: tree(s.children) } : s.name));
}

const find = (symbols: DocumentSymbol[] | null | undefined, name: string) => symbols?.find((s) => s.name === name);

const contains = (outer: Range, inner: Range) =>
  (outer.start.line < inner.start.line ||
    (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line ||
    (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

/** Every symbol's selection is inside its range, and every child inside its parent (VS Code rejects others). */
function assertWellFormed(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection outside range`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name}: outside ${parent.name}`);
    assertWellFormed(s.children ?? [], s);
  }
}

test('GatewayD: plugins and policies by name, the plugin url as detail', async () => {
  const text = [
    'defaultPolicy: passthrough',
    'policies:',
    '  - name: block-drop',
    '    policy: Request.raw matches "DROP"',
    'plugins:',
    '  - name: cache',
    '    enabled: true',
    '    url: github.com/gatewayd-io/gatewayd-plugin-cache@latest',
    '  - enabled: false',
    '',
  ].join('\n');
  const symbols = await symbolsOf(path.join(makeTree({}), 'gatewayd_plugins.yaml'), text);
  assert.deepEqual(tree(symbols), ['defaultPolicy', { policies: ['block-drop'] }, { plugins: ['cache', '[1]'] }]);
  const cache = find(find(symbols, 'plugins')?.children, 'cache')!;
  assert.equal(cache.kind, MODULE);
  assert.equal(cache.detail, 'github.com/gatewayd-io/gatewayd-plugin-cache@latest');
  // The name is what is selected; the range is the whole list item.
  assert.deepEqual(cache.selectionRange, { start: { line: 5, character: 10 }, end: { line: 5, character: 15 } });
  assert.equal(cache.range.start.line, 5);
  assert.equal(cache.range.end.line, 7);
  assert.equal(find(find(symbols, 'policies')?.children, 'block-drop')?.kind, FUNCTION);
  assertWellFormed(symbols!);
});

test('CloudQuery: one symbol per spec, "<kind> <name>", with its keys and destinations', async () => {
  const text =
    'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  tables: ["*"]\n  destinations: [pg, s3]\n---\nkind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n';
  const symbols = await symbolsOf(path.join(makeTree({}), 'sync.yml'), text);
  assert.deepEqual(tree(symbols), [
    { 'source aws': ['name', 'path', 'tables', { destinations: ['pg', 's3'] }] },
    { 'destination pg': ['name', 'path'] },
  ]);
  const [source, destination] = symbols!;
  assert.equal(source.detail, 'cloudquery/aws');
  assert.deepEqual(source.selectionRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 11 } });
  assert.equal(destination.range.start.line, 7);
  assertWellFormed(symbols!);
});

test('Anklet: plugins by name with their plugin type', async () => {
  const text =
    '# plugin-workbench: kind=anklet-config\nwork_dir: /tmp/\nplugins:\n  - name: RUNNER1\n    plugin: github\n  - name: RECEIVER\n    plugin: github_receiver\n';
  const symbols = await symbolsOf(path.join(makeTree({}), 'config.yml'), text);
  assert.deepEqual(tree(symbols), ['work_dir', { plugins: ['RUNNER1', 'RECEIVER'] }]);
  assert.equal(find(find(symbols, 'plugins')?.children, 'RECEIVER')?.detail, 'github_receiver');
  assertWellFormed(symbols!);
});

test('LogCraft: core and state settings, services by id', async () => {
  const text =
    '[core]\nworkspace = "rules"\nbase_dir = "/opt/lgc"\n\n[state]\ntype = "local"\npath = ".logcraft/state.json"\n\n[services.splunk-prod]\nplugin = "splunk"\n\n[services.splunk-prod.settings]\nurl = "https://splunk:8089"\n\n[services.sentinel]\nplugin = "sentinel"\n';
  const symbols = await symbolsOf(path.join(makeTree({}), 'lgc.toml'), text);
  assert.deepEqual(tree(symbols), [
    { core: ['workspace', 'base_dir'] },
    { state: ['type', 'path'] },
    { services: ['splunk-prod', 'sentinel'] },
  ]);
  const service = find(find(symbols, 'services')?.children, 'splunk-prod')!;
  assert.equal(service.detail, 'splunk');
  assert.equal(service.selectionRange.start.line, 8);
  assertWellFormed(symbols!);
});

test('eKuiper: source confKeys and their fields, sink properties, functions, config confKeys, manifest entries', async () => {
  const dir = makeTree({});
  const sourceMeta = {
    about: { trial: true, author: { name: 'me' }, helpUrl: { en_US: 'https://x' }, description: { en_US: 'random' } },
    libs: [],
    properties: {
      default: [
        {
          name: 'interval',
          default: 1000,
          optional: true,
          control: 'text',
          type: 'int',
          hint: { en_US: 'ms' },
          label: { en_US: 'Interval' },
        },
        {
          name: 'pattern',
          default: {},
          optional: true,
          control: 'text',
          type: 'object',
          hint: { en_US: 'p' },
          label: { en_US: 'Pattern' },
        },
      ],
    },
  };
  const source = await symbolsOf(path.join(dir, 'etc', 'sources', 'random.json'), JSON.stringify(sourceMeta, null, 2));
  assert.deepEqual(tree(source), ['about', 'libs', { properties: [{ default: ['interval', 'pattern'] }] }]);
  assert.equal(find(find(find(source, 'properties')?.children, 'default')?.children, 'interval')?.detail, 'int');
  assertWellFormed(source!);

  const sinkMeta = {
    about: sourceMeta.about,
    libs: [],
    properties: [
      {
        name: 'path',
        default: '',
        optional: false,
        control: 'text',
        type: 'string',
        hint: { en_US: 'p' },
        label: { en_US: 'Path' },
      },
    ],
  };
  const sink = await symbolsOf(path.join(dir, 'etc', 'sinks', 'file.json'), JSON.stringify(sinkMeta, null, 2));
  assert.deepEqual(tree(sink), ['about', 'libs', { properties: ['path'] }]);

  const functionMeta = {
    about: sourceMeta.about,
    functions: [
      { name: 'echo', example: 'echo(a)', hint: { en_US: 'echo' }, args: [], return: { type: 'string' } },
      { name: 'countPlusOne', example: 'countPlusOne(a)', hint: { en_US: 'c' }, args: [] },
    ],
  };
  const functions = await symbolsOf(
    path.join(dir, 'etc', 'functions', 'echo.json'),
    JSON.stringify(functionMeta, null, 2),
  );
  assert.deepEqual(tree(functions), ['about', { functions: ['echo', 'countPlusOne'] }]);
  assert.equal(find(find(functions, 'functions')?.children, 'echo')?.kind, FUNCTION);

  const config = await symbolsOf(
    path.join(dir, 'etc', 'sources', 'random.yaml'),
    'default:\n  interval: 1000\n  pattern:\n    count: 50\nfast:\n  interval: 10\n',
  );
  assert.deepEqual(tree(config), [{ default: ['interval', 'pattern'] }, { fast: ['interval'] }]);

  const manifest = await symbolsOf(
    path.join(dir, 'mirror', 'mirror.json'),
    JSON.stringify(
      {
        name: 'mirror',
        version: 'v1.0.0',
        language: 'python',
        executable: 'mirror.py',
        sources: ['random'],
        sinks: ['file'],
        functions: ['echo'],
      },
      null,
      2,
    ),
  );
  assert.deepEqual(tree(manifest), [
    'name',
    'version',
    'language',
    'executable',
    { sources: ['random'] },
    { sinks: ['file'] },
    { functions: ['echo'] },
  ]);
  assertWellFormed(manifest!);
});

test('outline of a half-typed document still answers; a document of no kind and a disabled system get none', async () => {
  const partial = await symbolsOf(
    path.join(makeTree({}), 'gatewayd_plugins.yaml'),
    'plugins:\n  - name: cache\n    enabled: \n  - name: auth\n',
  );
  assert.deepEqual(tree(partial), [{ plugins: ['cache', 'auth'] }]);
  assert.equal(await symbolsOf(path.join(makeTree({}), 'notes.yaml'), 'plugins:\n  - name: x\n'), null);
  const local = new Workbench({ logcraft: { enable: false } });
  assert.equal(await symbolsOf(path.join(makeTree({}), 'lgc.toml'), '[core]\nworkspace = "rules"\n', local), null);
});
