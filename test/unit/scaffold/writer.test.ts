import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planScaffold, validateName, writeScaffold, ScaffoldError } from '../../../server/src/scaffold';
import { nameVariables } from '../../../server/src/scaffold/render';
import { makeTree } from '../../helpers/engine';

// A small template tree of our own, so the writer is tested apart from the real templates.
function templates(): string {
  return makeTree({
    'index.json': JSON.stringify(['demo', 'nested', 'broken']),
    'demo/template.json': JSON.stringify({
      id: 'demo', system: 'demo', title: 'Demo', description: 'A demo',
      name: { pattern: '^[a-z][a-z0-9-]*$', message: 'Use lowercase letters, digits and hyphens', example: 'my-plugin' },
      directory: '{{pw.name}}',
      options: [{ key: 'org', description: 'owner', default: 'example-org' }, { key: 'module', description: 'module', default: 'github.com/{{pw.org}}/{{pw.name}}' }],
      manifests: [], next: ['cd {{pw.name}}'], executables: ['run.sh'],
    }),
    'demo/files/go.mod.tmpl': 'module {{pw.module}}\n',
    'demo/files/{{pw.name_snake}}/main.go.tmpl': 'package main // {{pw.NamePascal}} ${{ secrets.KEEP }}\n',
    'demo/files/run.sh.tmpl': '#!/bin/sh\necho {{pw.NAME_UPPER}}\n',
    'nested/template.json': JSON.stringify({
      id: 'nested', system: 'demo', title: 'Nested', description: '',
      name: { pattern: '^[a-z]+$', message: 'lowercase', example: 'x' },
      directory: 'plugins/handlers/{{pw.name}}', options: [], manifests: [], next: [],
    }),
    'nested/files/plugin.go.tmpl': 'package {{pw.name}}\n',
    'broken/template.json': JSON.stringify({
      id: 'broken', system: 'demo', title: 'Broken', description: '',
      name: { pattern: '^[a-z]+$', message: 'lowercase', example: 'x' }, directory: '{{pw.name}}', options: [], manifests: [], next: [],
    }),
    'broken/files/a.txt.tmpl': '{{pw.nope}}\n',
  });
}

test('names in every spelling a template needs', () => {
  assert.deepEqual(nameVariables('myCool-plugin_x'), {
    name: 'myCool-plugin_x', NameFirstUpper: 'MyCool-plugin_x', NamePascal: 'MyCoolPluginX', nameCamel: 'myCoolPluginX',
    name_snake: 'my_cool_plugin_x', name_kebab: 'my-cool-plugin-x', NAME_UPPER: 'MY_COOL_PLUGIN_X', NameTitle: 'My Cool Plugin X',
  });
});

test('renders paths and contents, keeps other braces, marks executables', () => {
  const root = templates();
  const parent = makeTree({});
  const plan = planScaffold({ templateId: 'demo', name: 'my-plugin', parentDir: parent, options: { org: 'acme' } }, root);
  const written = writeScaffold(plan);
  assert.equal(written.length, 3);
  const dir = path.join(parent, 'my-plugin');
  assert.equal(fs.readFileSync(path.join(dir, 'go.mod'), 'utf8'), 'module github.com/acme/my-plugin\n');
  assert.equal(fs.readFileSync(path.join(dir, 'my_plugin', 'main.go'), 'utf8'), 'package main // MyPlugin ${{ secrets.KEEP }}\n');
  assert.ok(fs.statSync(path.join(dir, 'run.sh')).mode & 0o100);
  assert.deepEqual(plan.next, ['cd my-plugin']);
  assert.deepEqual(fs.readdirSync(parent), ['my-plugin'], 'no staging folder is left behind');
});

test('never overwrites: one existing file means nothing is written', () => {
  const root = templates();
  const parent = makeTree({ 'my-plugin/go.mod': 'module mine\n' });
  const plan = planScaffold({ templateId: 'demo', name: 'my-plugin', parentDir: parent }, root);
  assert.throws(() => writeScaffold(plan), (e: unknown) => e instanceof ScaffoldError && e.reason === 'exists' && e.files[0].endsWith('go.mod'));
  assert.equal(fs.readFileSync(path.join(parent, 'my-plugin', 'go.mod'), 'utf8'), 'module mine\n');
  assert.deepEqual(fs.readdirSync(path.join(parent, 'my-plugin')), ['go.mod']);
});

test('writes into an existing folder without touching other files, and into nested folders', () => {
  const root = templates();
  const parent = makeTree({ 'my-plugin/notes.txt': 'keep\n', 'plugins/handlers/.keep': '' });
  writeScaffold(planScaffold({ templateId: 'demo', name: 'my-plugin', parentDir: parent }, root));
  assert.equal(fs.readFileSync(path.join(parent, 'my-plugin', 'notes.txt'), 'utf8'), 'keep\n');
  assert.ok(fs.existsSync(path.join(parent, 'my-plugin', 'go.mod')));
  const fresh = makeTree({});
  writeScaffold(planScaffold({ templateId: 'nested', name: 'hello', parentDir: fresh }, root));
  assert.equal(fs.readFileSync(path.join(fresh, 'plugins', 'handlers', 'hello', 'plugin.go'), 'utf8'), 'package hello\n');
});

test('refuses path tricks and names against the convention, with the reason', () => {
  const template = { name: { pattern: '^[a-z][a-z0-9-]*$', message: 'Use lowercase letters, digits and hyphens', example: 'my-plugin' } };
  for (const bad of ['../evil', 'a/b', 'a\\b', '/abs', '..', '']) assert.ok(validateName(template, bad), bad);
  assert.match(validateName(template, 'My_Plugin')!, /lowercase letters, digits and hyphens \(e\.g\. my-plugin\)/);
  assert.equal(validateName(template, 'my-plugin'), null);
  const root = templates();
  assert.throws(() => planScaffold({ templateId: 'demo', name: '../x', parentDir: makeTree({}) }, root), (e: unknown) => e instanceof ScaffoldError && e.reason === 'usage');
  assert.throws(() => planScaffold({ templateId: 'nope', name: 'x', parentDir: makeTree({}) }, root), /unknown template/);
});

test('options a template does not take are reported, not fatal; a broken template is named', () => {
  const root = templates();
  const plan = planScaffold({ templateId: 'nested', name: 'hello', parentDir: makeTree({}), options: { org: 'x' } }, root);
  assert.match(plan.warnings[0], /ignored option org/);
  assert.throws(() => planScaffold({ templateId: 'broken', name: 'x', parentDir: makeTree({}) }, root), /unknown placeholder \{\{pw\.nope\}\}/);
});

test('a missing parent folder is refused before anything is written', () => {
  const root = templates();
  const plan = planScaffold({ templateId: 'demo', name: 'x', parentDir: path.join(makeTree({}), 'missing') }, root);
  assert.throws(() => writeScaffold(plan), /does not exist/);
});
