import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, makeTree, REPO_ROOT } from '../../helpers/engine';
import type { KindId } from '../../../server/src/core';
import { KINDS, SYSTEMS } from '../../../server/src/systems';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const contributed: Array<{ language: string; path: string }> = manifest.contributes.snippets;
// Source-language snippets are contributed statically; manifest snippets come from the systems
// (systems/<system>/snippets.json), served by the language server's completion.
const all = [
  ...contributed.flatMap(({ language, path: file }) =>
    Object.entries(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Record<string, Snippet>).map(
      ([name, s]) => ({ name, language, ...s }),
    ),
  ),
  ...SYSTEMS.flatMap((system) =>
    (system.snippets ?? []).map((s) => ({ name: s.prefix, language: KINDS[s.kinds[0] as KindId].format, ...s })),
  ),
];

test('no manifest snippet is contributed statically; each system snippet names kinds of its own system', () => {
  assert.deepEqual(contributed.map((c) => c.language).sort(), ['go', 'python', 'rust']);
  for (const system of SYSTEMS)
    for (const snippet of system.snippets ?? []) {
      assert.ok(snippet.kinds.length && snippet.at.length, snippet.prefix);
      for (const kind of snippet.kinds)
        assert.equal(KINDS[kind as KindId]?.system, system.id, `${snippet.prefix}: ${kind}`);
    }
});

/** A snippet as inserted with every default accepted: first choice, placeholder text, mirrors filled. */
function expand(body: string[]): string {
  let text = body.join('\n');
  const values = new Map<string, string>();
  for (let pass = 0; pass < 10; pass++) {
    text = text
      .replace(/\$\{(\d+)\|([^|,}]*)[^}]*\|\}/g, (_, n: string, first: string) => (values.set(n, first), first))
      // Innermost placeholders first: a default may hold another tab stop.
      .replace(/\$\{(\d+):([^{}$]*)\}/g, (_, n: string, value: string) => (values.set(n, value), value))
      .replace(
        /\$\{(\d+)\}|\$(\d+)/g,
        (all, a?: string, b?: string) => values.get(a ?? b ?? '') ?? (pass === 9 ? '' : all),
      );
  }
  return text.replace(/\\\$/g, '$');
}

test('every system has at least five snippets, with its prefix, in the languages it needs', () => {
  const prefixes = { cloudquery: 'cq-', gatewayd: 'gwd-', ekuiper: 'ekuiper-', anklet: 'anklet-', logcraft: 'lgc-' };
  for (const [system, prefix] of Object.entries(prefixes)) {
    const mine = all.filter((s) => s.prefix.startsWith(prefix));
    assert.ok(mine.length >= 5, `${system}: ${mine.length} snippets`);
    for (const s of mine) assert.ok(s.description.length > 10, `${s.prefix} has a description`);
  }
  assert.deepEqual(new Set(all.map((s) => s.language)), new Set(['yaml', 'json', 'toml', 'go', 'rust', 'python']));
  assert.equal(new Set(all.map((s) => s.prefix)).size, all.length, 'prefixes are unique');
});

test('choices offered for a key are exactly the values its schema allows', () => {
  const enums = new Map<string, Set<string>>();
  const collect = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const props = (node as { properties?: Record<string, { enum?: unknown[] }> }).properties;
    for (const [key, schema] of Object.entries(props ?? {})) {
      if (Array.isArray(schema?.enum)) enums.set(key, new Set([...(enums.get(key) ?? []), ...schema.enum.map(String)]));
    }
    for (const value of Object.values(node)) collect(value);
  };
  for (const file of fs.readdirSync(path.join(REPO_ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json'))) {
    collect(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8')));
  }
  let checked = 0;
  for (const s of all.filter((x) => ['yaml', 'json', 'toml'].includes(x.language))) {
    for (const line of s.body) {
      const match = /"?([A-Za-z_]+)"?\s*[:=]\s*"?\$\{\d+\|([^}]*)\|\}/.exec(line);
      if (!match || !enums.has(match[1])) continue;
      const choices = new Set(match[2].split(','));
      const allowed = enums.get(match[1])!;
      // Booleans are offered as true/false whatever the schema's enum says.
      if ([...choices].every((c) => c === 'true' || c === 'false')) continue;
      assert.deepEqual(
        [...choices].filter((c) => !allowed.has(c)),
        [],
        `${s.prefix}: ${match[1]} offers values the schema rejects`,
      );
      checked++;
    }
  }
  assert.ok(checked >= 8, `${checked} choice lists checked against schemas`);
});

/** Snippets that are whole manifests: inserted with their defaults, they pass our own check. */
const WHOLE: Record<string, { kind: KindId; file: string; beside?: Record<string, string> }> = {
  'cq-sync': { kind: 'cloudquery-spec', file: 'sync.yml' },
  'cq-destination': { kind: 'cloudquery-spec', file: 'dest.yml' },
  'gwd-plugins-config': { kind: 'gatewayd-plugins', file: 'gatewayd_plugins.yaml' },
  'anklet-config': { kind: 'anklet-config', file: 'config.yml' },
  'lgc-splunk-detection': { kind: 'logcraft-detection', file: 'detection.yaml' },
  'lgc-sentinel-detection': { kind: 'logcraft-detection', file: 'sentinel.yaml' },
  'ekuiper-source-meta': {
    kind: 'ekuiper-source-meta',
    file: 'source.json',
    beside: { 'source.yaml': 'default: {}\n' },
  },
  'ekuiper-sink-meta': { kind: 'ekuiper-sink-meta', file: 'sink.json' },
  'ekuiper-function-meta': { kind: 'ekuiper-function-meta', file: 'function.json' },
  'ekuiper-source-config': { kind: 'ekuiper-source-config', file: 'source.yaml' },
};

for (const [prefix, { kind, file, beside }] of Object.entries(WHOLE)) {
  test(`snippet ${prefix} inserted as is is a valid ${kind}`, async () => {
    const snippet = all.find((s) => s.prefix === prefix);
    assert.ok(snippet, prefix);
    const text = expand(snippet.body) + '\n';
    const { diagnostics } = await checkText(kind, text, path.join(makeTree(beside ?? {}), file));
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.line}: ${d.message}`),
      [],
      text,
    );
  });
}

/** How each Go snippet sits in a file: most are declarations; a `case` lives in a switch, state code in a function. */
function goFile(prefix: string, code: string): string {
  if (prefix.startsWith('anklet-register')) {
    return `package run\n\nfunc Plugin() (context.Context, error) {\n\tswitch ctxPlugin.Plugin {\n${code}\n\t}\n\treturn nil, nil\n}\n`;
  }
  if (prefix.startsWith('ekuiper-state') || prefix === 'ekuiper-root-path')
    return `package main\n\nfunc f(ctx api.StreamContext) error {\n${code}\n\treturn nil\n}\n`;
  return `package main\n\n${code}\n`;
}

test('every Go snippet, expanded with its defaults, parses (gofmt -e)', () => {
  const goSnippets = all.filter((s) => s.language === 'go');
  assert.ok(goSnippets.length >= 10);
  const dir = makeTree({});
  for (const s of goSnippets) {
    const file = path.join(dir, `${s.prefix}.go`);
    fs.writeFileSync(file, goFile(s.prefix, expand(s.body)));
    const result = spawnSync('gofmt', ['-e', file], { encoding: 'utf8' });
    if (result.error) throw new Error(`gofmt is needed to check snippets (${result.error.message})`);
    assert.equal(result.status, 0, `${s.prefix}: ${result.stderr}\n${fs.readFileSync(file, 'utf8')}`);
  }
});

test('gwd-handshake sets the SDK handshake: key GATEWAYD_PLUGIN, the long hex value, protocol 1', () => {
  const text = expand(all.find((s) => s.prefix === 'gwd-handshake')!.body);
  assert.match(text, /MagicCookieKey:\s+"GATEWAYD_PLUGIN",/);
  assert.match(text, /MagicCookieValue:\s+"5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872",/);
  assert.match(text, /ProtocolVersion:\s+1,/);
  assert.doesNotMatch(text, /"MAGIC_COOKIE_KEY"/);
});

test('Anklet snippets call Run as current Anklet does: 3 arguments for a handler, 2 for a receiver', () => {
  const handlerCase = expand(all.find((s) => s.prefix === 'anklet-register')!.body);
  assert.match(handlerCase, /\.Run\(workerCtx, pluginCtx, pluginCancel\)/);
  const handlerRun = expand(all.find((s) => s.prefix === 'anklet-run')!.body);
  assert.match(
    handlerRun,
    /^func Run\(workerCtx context\.Context, pluginCtx context\.Context, pluginCancel context\.CancelFunc\) \(context\.Context, error\)/,
  );
  assert.match(
    expand(all.find((s) => s.prefix === 'anklet-register-receiver')!.body),
    /\.Run\(workerCtx, pluginCtx\)\n/,
  );
});

test('eKuiper state-storage snippets use the StreamContext methods of contract/v2', () => {
  const text = ['ekuiper-state', 'ekuiper-state-counter', 'ekuiper-state-delete']
    .map((p) => expand(all.find((s) => s.prefix === p)!.body))
    .join('\n');
  for (const method of ['PutState', 'GetState', 'DeleteState', 'IncrCounter', 'GetCounter'])
    assert.match(text, new RegExp(`ctx\\.${method}\\(`), method);
});
