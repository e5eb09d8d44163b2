import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listTemplates, loadTemplate } from '../../../server/src/scaffold/template';
import { planScaffold, writeScaffold, ScaffoldError, MAX_NAME_LENGTH } from '../../../server/src/scaffold';
import { makeTree } from '../../helpers/engine';

test('#15 every pattern in every template is anchored at both ends', () => {
  for (const { id } of listTemplates()) {
    const template = loadTemplate(id)!;
    for (const pattern of [
      template.name.pattern,
      ...template.options.map((o) => o.pattern).filter((p): p is string => !!p),
    ]) {
      assert.match(pattern, /^\^.*\$$/, `${id}: ${pattern}`);
    }
  }
});

test('#15 a --set value cannot smuggle lines into go.mod or Cargo.toml', () => {
  const parentDir = makeTree({});
  const attempts: [string, Record<string, string>][] = [
    ['ekuiper-source-go', { contractVersion: 'v2.0.0\nreplace github.com/lf-edge/ekuiper/contract/v2 => ../evil' }],
    ['ekuiper-sink-go', { contractVersion: 'v2.0.0 // x' }],
    ['logcraft-plugin-rust', { witBindgenVersion: '0.36"\n[patch.crates-io]\nwit-bindgen = { path = "../evil" }\n#' }],
    ['gatewayd-plugin-go', { go_version: '1.22\r\nreplace a => b' }],
  ];
  for (const [templateId, options] of attempts) {
    assert.throws(
      () =>
        planScaffold({
          templateId,
          name: templateId.startsWith('logcraft')
            ? 'my-plugin'
            : templateId.startsWith('ekuiper')
              ? 'myPlugin'
              : 'my-plugin',
          parentDir,
          options,
        }),
      (error: unknown) => error instanceof ScaffoldError && error.reason === 'usage',
      `${templateId} ${JSON.stringify(options)}`,
    );
  }
  assert.deepEqual(fs.readdirSync(parentDir), []);
});

test('#16 the writer never writes through a symbolic link nor replaces one', () => {
  const outside = makeTree({});
  // The target folder itself is a link.
  const a = makeTree({});
  fs.symlinkSync(outside, path.join(a, 'my-plugin'));
  // A subfolder of an existing project folder is a link (Anklet writes into plugins/handlers).
  const b = makeTree({ 'plugins/keep.txt': 'x' });
  fs.symlinkSync(outside, path.join(b, 'plugins', 'handlers'));
  // A dangling link where go.mod goes.
  const c = makeTree({ 'my-plugin/README.keep': 'x' });
  fs.symlinkSync(path.join(outside, 'go.mod'), path.join(c, 'my-plugin', 'go.mod'));
  const cases: [string, string, string][] = [
    ['gatewayd-plugin-go', 'my-plugin', a],
    ['anklet-handler-go', 'my_handler', b],
    ['gatewayd-plugin-go', 'my-plugin', c],
  ];
  for (const [templateId, name, parentDir] of cases) {
    const plan = planScaffold({ templateId, name, parentDir });
    assert.throws(
      () => writeScaffold(plan),
      (error: unknown) => error instanceof ScaffoldError && error.reason === 'exists',
      templateId,
    );
  }
  assert.deepEqual(fs.readdirSync(outside), [], 'nothing was written through a link');
  assert.ok(fs.lstatSync(path.join(c, 'my-plugin', 'go.mod')).isSymbolicLink(), 'the dangling link is still a link');
});

test('#17 a very long name is refused up front with a clear message', () => {
  const parentDir = makeTree({});
  const name = 'a'.repeat(250);
  assert.throws(
    () => planScaffold({ templateId: 'gatewayd-plugin-go', name, parentDir }),
    (error: unknown) =>
      error instanceof ScaffoldError &&
      error.reason === 'usage' &&
      error.message.includes(`at most ${MAX_NAME_LENGTH} characters`),
  );
  const longest = planScaffold({ templateId: 'gatewayd-plugin-go', name: 'a'.repeat(MAX_NAME_LENGTH), parentDir });
  assert.ok(writeScaffold(longest).length > 0);
});
