import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportedDiagnostic } from '../../../../server/src/cli/report';
import { looksSecret } from '../../../../server/src/systems/cloudquery/project/env-credentials';
import { binaryName } from '../../../../server/src/systems/cloudquery/project/plugin-project';
import { nodeFileAccess } from '../../../../server/src/core';
import { checkText, makeTree } from '../../../helpers/engine';

// One test per CloudQuery project convention (systems/cloudquery/project/*.ts): a plugin tree on
// disk, the file read as the editor and the CLI read it (classified by its place), broken then mended.

const GO_MOD =
  'module github.com/acme/cq-source-shop\n\ngo 1.24\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.80.0\n';
const plugin = (files: Record<string, string> = {}) =>
  makeTree({
    'go.mod': GO_MOD,
    'main.go': 'package main\n\nfunc main() { serve.Plugin(plugin.Plugin()) }\n',
    'resources/plugin/plugin.go': 'package plugin\n\nvar Name = "shop"\n',
    ...files,
  });

async function findings(root: string, relative: string, code: string): Promise<ReportedDiagnostic[]> {
  const file = path.join(root, relative);
  const result = await checkText(undefined, fs.readFileSync(file, 'utf8'), file);
  return result.diagnostics.filter((d) => d.code === code);
}
const at = (ds: ReportedDiagnostic[]) =>
  ds.map((d) => `${d.severity}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);

test('kinds: go.mod, .gitignore and every Go file of a plugin module; not the cloudquery CLI nor vendor/', async () => {
  const root = plugin({
    '.gitignore': 'cq-source-shop\n',
    'client/client.go': 'package client\n',
    'vendor/x/x.go': 'package x\n',
  });
  const kind = async (relative: string) =>
    (await checkText(undefined, fs.readFileSync(path.join(root, relative), 'utf8'), path.join(root, relative))).kind;
  assert.equal(await kind('go.mod'), 'cloudquery-go-module');
  assert.equal(await kind('.gitignore'), 'cloudquery-gitignore');
  assert.equal(await kind('client/client.go'), 'cloudquery-plugin-source');
  assert.equal(await kind('vendor/x/x.go'), undefined);
  // A module that requires plugin-sdk but serves no plugin (the cloudquery CLI itself).
  const cli = makeTree({
    'go.mod': 'module github.com/cloudquery/cloudquery/cli/v6\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.80.0\n',
    'main.go': 'package main\n\nfunc main() { cmd.Execute() }\n',
    '.gitignore': 'x\n',
    'cmd/env.go': 'package cmd\n\nimport "os"\n\nvar home = os.Getenv("HOME")\n',
  });
  for (const relative of ['go.mod', '.gitignore', 'cmd/env.go'])
    assert.equal(
      (await checkText(undefined, fs.readFileSync(path.join(cli, relative), 'utf8'), path.join(cli, relative))).kind,
      undefined,
      relative,
    );
});

test('cloudquery.docs-overview: no docs/ (package fails) is a warning, docs/ without overview.md information, on the module line', async () => {
  assert.deepEqual(at(await findings(plugin(), 'go.mod', 'cloudquery.docs-overview')), ['warning@1:8-1:38']);
  const noOverview = plugin({ 'docs/tables/README.md': '# Tables\n', 'docs/configuration.md': '# Config\n' });
  assert.deepEqual(at(await findings(noOverview, 'go.mod', 'cloudquery.docs-overview')), ['information@1:8-1:38']);
  assert.deepEqual(
    await findings(plugin({ 'docs/overview.md': '# Shop\n' }), 'go.mod', 'cloudquery.docs-overview'),
    [],
  );
});

test('cloudquery.gitignore-binary: the binary must be ignored, by the module .gitignore or one above it', async () => {
  const code = 'cloudquery.gitignore-binary';
  // No .gitignore at all: on go.mod's module line.
  assert.deepEqual(at(await findings(plugin(), 'go.mod', code)), ['warning@1:8-1:38']);
  // A .gitignore that does not ignore it: on a new last line, with the name as the fix.
  const other = plugin({ '.gitignore': 'dist\n*.log\n' });
  const [missing] = await findings(other, '.gitignore', code);
  assert.equal(`${missing.line}:${missing.column}`, '3:1');
  assert.deepEqual(await findings(other, 'go.mod', code), [], 'go.mod stays clean when the .gitignore exists');
  // A line that names it but cannot match the file (folders only, re-included): that line.
  for (const [text, line] of [
    ['dist\ncq-source-shop/\n', 2],
    ['cq-source-shop\n!cq-source-shop\n', 2],
  ] as const) {
    const [found] = await findings(plugin({ '.gitignore': text }), '.gitignore', code);
    assert.equal(found?.line, line, text);
  }
  for (const text of ['cq-source-shop\n', '/cq-source-shop', 'dist\ncq-source-*\n', '*\n!*.go\n'])
    assert.deepEqual(await findings(plugin({ '.gitignore': text }), '.gitignore', code), [], text);
  // The Makefile's `go build -o` names the binary.
  const renamed = plugin({
    Makefile: 'BINARY := shop\nbuild:\n\tgo build -o $(BINARY) .\n',
    '.gitignore': 'cq-source-shop\n',
  });
  assert.equal((await findings(renamed, '.gitignore', code))[0]?.message.includes('"shop"'), true);
  // Ignored by the repository's .gitignore above the module (a monorepo): nothing to say.
  const repo = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'plugins/*/cq-source-*\n' });
  for (const [name, content] of Object.entries({
    'go.mod': GO_MOD,
    'main.go': 'package main\n\nfunc main() { serve.Plugin(nil) }\n',
    '.gitignore': 'dist\n',
  })) {
    fs.mkdirSync(path.join(repo, 'plugins', 'shop'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'plugins', 'shop', name), content);
  }
  assert.deepEqual(await findings(repo, 'plugins/shop/.gitignore', code), []);
});

test('binary names: Makefile go build -o, else the module path without /vN', () => {
  const files = nodeFileAccess();
  assert.equal(binaryName(makeTree({}), GO_MOD, files), 'cq-source-shop');
  assert.equal(binaryName(makeTree({}), 'module github.com/acme/cq-source-shop/v2\n', files), 'cq-source-shop');
  const cross = makeTree({ Makefile: 'build:\n\tGOOS=linux go build -o dist/x .\n\tgo build -o ./shop .\n' });
  assert.equal(binaryName(cross, GO_MOD, files), 'shop');
});

test('cloudquery.env-credentials: os.Getenv of a secret is a warning, other reads information; comments, strings and tests are not', async () => {
  const code = 'cloudquery.env-credentials';
  const source = [
    'package client',
    '',
    'import (',
    '\tsys "os"',
    ')',
    '',
    '// os.Getenv("SHOP_TOKEN") is how it used to be done',
    'func New() string {',
    '\tdoc := "os.Getenv(\\"SHOP_TOKEN\\")"',
    '\ttoken := sys.Getenv("SHOP_API_TOKEN")',
    '\t_, debug := sys.LookupEnv("SHOP_DEBUG")',
    '\t_ = debug',
    '\treturn doc + token',
    '}',
    '',
  ].join('\n');
  const root = plugin({
    'client/client.go': source,
    'client/client_test.go': source.replace('package client', 'package client_test'),
  });
  assert.deepEqual(at(await findings(root, 'client/client.go', code)), [
    'warning@10:11-10:39',
    'information@11:14-11:41',
  ]);
  assert.deepEqual(await findings(root, 'client/client_test.go', code), []);
  const mended = plugin({
    'client/client.go': 'package client\n\nfunc New(spec Spec) string {\n\treturn spec.Token\n}\n',
  });
  assert.deepEqual(await findings(mended, 'client/client.go', code), []);
  assert.equal(looksSecret('GITHUB_PAT'), true);
  assert.equal(looksSecret('DB_PASSWORD'), true);
  assert.equal(looksSecret('HOME'), false);
  assert.equal(looksSecret('SENTRY_DSN'), false);
  assert.equal(looksSecret('KEYBOARD_LAYOUT'), false);
});

test('cloudquery.http-context: requests without the context are reported on the call, a warning where a context is at hand', async () => {
  const code = 'cloudquery.http-context';
  const source = [
    'package services',
    '',
    'import (',
    '\t"context"',
    '\t"net/http"',
    '',
    '\t"github.com/hashicorp/go-retryablehttp"',
    ')',
    '',
    'type Client struct {',
    '\tHTTP *http.Client',
    '}',
    '',
    'func fetchItems(ctx context.Context, meta schema.ClientMeta, parent *schema.Resource, res chan<- any) error {',
    '\tc := meta.(*Client)',
    '\treq, _ := http.NewRequest(http.MethodGet, "https://api.example.com/items", nil)',
    '\t_, _ = c.HTTP.Get("https://api.example.com/items") // http.Get("in a comment")',
    '\t_, _ = http.DefaultClient.Post("u", "application/json", nil)',
    '\t_, _ = retryablehttp.NewRequest("GET", "u", nil)',
    '\t_ = req.Header.Get("Accept")',
    '\tok, _ := http.NewRequestWithContext(ctx, http.MethodGet, "u", nil)',
    '\t_ = ok',
    '\treturn nil',
    '}',
    '',
    'func ping() {',
    '\t_, _ = http.Get("https://api.example.com/ping")',
    '}',
    '',
  ].join('\n');
  const root = plugin({ 'resources/services/items.go': source });
  const found = await findings(root, 'resources/services/items.go', code);
  assert.deepEqual(at(found), [
    'warning@16:12-16:81',
    'warning@17:9-17:52',
    'warning@18:9-18:62',
    'warning@19:9-19:50',
    'information@27:9-27:49',
  ]);
  assert.equal(found[0].message.includes('http.NewRequestWithContext(ctx, ...)'), true, found[0].message);
  const mended = plugin({
    'resources/services/items.go': source
      .replace('http.NewRequest(', 'http.NewRequestWithContext(ctx, ')
      .replace(/\t_, _ = (c\.HTTP|http\.DefaultClient)\..*\n/g, '')
      .replace('retryablehttp.NewRequest(', 'retryablehttp.NewRequestWithContext(ctx, ')
      .replace('func ping() {\n\t_, _ = http.Get("https://api.example.com/ping")\n}\n', ''),
  });
  assert.deepEqual(await findings(mended, 'resources/services/items.go', code), []);
});
