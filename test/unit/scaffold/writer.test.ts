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
      id: 'demo',
      system: 'demo',
      title: 'Demo',
      description: 'A demo',
      name: {
        pattern: '^[a-z][a-z0-9-]*$',
        message: 'Use lowercase letters, digits and hyphens',
        example: 'my-plugin',
      },
      directory: '{{pw.name}}',
      options: [
        { key: 'org', description: 'owner', default: 'example-org' },
        { key: 'module', description: 'module', default: 'github.com/{{pw.org}}/{{pw.name}}' },
      ],
      manifests: [],
      next: ['cd {{pw.name}}'],
      executables: ['run.sh'],
    }),
    'demo/files/go.mod.tmpl': 'module {{pw.module}}\n',
    'demo/files/{{pw.name_snake}}/main.go.tmpl': 'package main // {{pw.NamePascal}} ${{ secrets.KEEP }}\n',
    'demo/files/run.sh.tmpl': '#!/bin/sh\necho {{pw.NAME_UPPER}}\n',
    'nested/template.json': JSON.stringify({
      id: 'nested',
      system: 'demo',
      title: 'Nested',
      description: '',
      name: { pattern: '^[a-z]+$', message: 'lowercase', example: 'x' },
      directory: 'plugins/handlers/{{pw.name}}',
      options: [],
      manifests: [],
      next: [],
    }),
    'nested/files/plugin.go.tmpl': 'package {{pw.name}}\n',
    'broken/template.json': JSON.stringify({
      id: 'broken',
      system: 'demo',
      title: 'Broken',
      description: '',
      name: { pattern: '^[a-z]+$', message: 'lowercase', example: 'x' },
      directory: '{{pw.name}}',
      options: [],
      manifests: [],
      next: [],
    }),
    'broken/files/a.txt.tmpl': '{{pw.nope}}\n',
  });
}

test('names in every spelling a template needs', () => {
  assert.deepEqual(nameVariables('myCool-plugin_x'), {
    name: 'myCool-plugin_x',
    NameFirstUpper: 'MyCool-plugin_x',
    NamePascal: 'MyCoolPluginX',
    nameCamel: 'myCoolPluginX',
    name_snake: 'my_cool_plugin_x',
    name_kebab: 'my-cool-plugin-x',
    NAME_UPPER: 'MY_COOL_PLUGIN_X',
    NameTitle: 'My Cool Plugin X',
  });
});

test('renders paths and contents, keeps other braces, marks executables', () => {
  const root = templates();
  const parent = makeTree({});
  const plan = planScaffold(
    { templateId: 'demo', name: 'my-plugin', parentDir: parent, options: { org: 'acme' } },
    root,
  );
  const written = writeScaffold(plan);
  assert.equal(written.length, 3);
  const dir = path.join(parent, 'my-plugin');
  assert.equal(fs.readFileSync(path.join(dir, 'go.mod'), 'utf8'), 'module github.com/acme/my-plugin\n');
  assert.equal(
    fs.readFileSync(path.join(dir, 'my_plugin', 'main.go'), 'utf8'),
    'package main // MyPlugin ${{ secrets.KEEP }}\n',
  );
  assert.ok(fs.statSync(path.join(dir, 'run.sh')).mode & 0o100);
  assert.deepEqual(plan.next, ['cd my-plugin']);
  assert.deepEqual(fs.readdirSync(parent), ['my-plugin'], 'no staging folder is left behind');
});

test('never overwrites: one existing file means nothing is written', () => {
  const root = templates();
  const parent = makeTree({ 'my-plugin/go.mod': 'module mine\n' });
  const plan = planScaffold({ templateId: 'demo', name: 'my-plugin', parentDir: parent }, root);
  assert.throws(
    () => writeScaffold(plan),
    (e: unknown) => e instanceof ScaffoldError && e.reason === 'exists' && e.files[0].endsWith('go.mod'),
  );
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
  assert.equal(
    fs.readFileSync(path.join(fresh, 'plugins', 'handlers', 'hello', 'plugin.go'), 'utf8'),
    'package hello\n',
  );
});

test('refuses path tricks and names against the convention, with the reason', () => {
  const template = {
    name: { pattern: '^[a-z][a-z0-9-]*$', message: 'Use lowercase letters, digits and hyphens', example: 'my-plugin' },
  };
  for (const bad of ['../evil', 'a/b', 'a\\b', '/abs', '..', '']) assert.ok(validateName(template, bad), bad);
  assert.match(validateName(template, 'My_Plugin')!, /lowercase letters, digits and hyphens \(e\.g\. my-plugin\)/);
  assert.equal(validateName(template, 'my-plugin'), null);
  const root = templates();
  assert.throws(
    () => planScaffold({ templateId: 'demo', name: '../x', parentDir: makeTree({}) }, root),
    (e: unknown) => e instanceof ScaffoldError && e.reason === 'usage',
  );
  assert.throws(
    () => planScaffold({ templateId: 'nope', name: 'x', parentDir: makeTree({}) }, root),
    /unknown template/,
  );
});

test('options a template does not take are reported, not fatal; a broken template is named', () => {
  const root = templates();
  const plan = planScaffold(
    { templateId: 'nested', name: 'hello', parentDir: makeTree({}), options: { org: 'x' } },
    root,
  );
  assert.match(plan.warnings[0], /ignored option org/);
  assert.throws(
    () => planScaffold({ templateId: 'broken', name: 'x', parentDir: makeTree({}) }, root),
    /unknown placeholder \{\{pw\.nope\}\}/,
  );
});

test('a missing parent folder is refused before anything is written', () => {
  const root = templates();
  const plan = planScaffold({ templateId: 'demo', name: 'x', parentDir: path.join(makeTree({}), 'missing') }, root);
  assert.throws(() => writeScaffold(plan), /does not exist/);
});

test('folders and files honour the umask (not 0700)', () => {
  const root = templates();
  for (const [mask, dirMode, fileMode, execMode] of [
    [0o022, 0o755, 0o644, 0o755],
    [0o027, 0o750, 0o640, 0o750],
  ] as const) {
    const previous = process.umask(mask);
    try {
      const parent = makeTree({});
      writeScaffold(planScaffold({ templateId: 'demo', name: 'my-plugin', parentDir: parent }, root));
      const dir = path.join(parent, 'my-plugin');
      assert.equal(fs.statSync(dir).mode & 0o777, dirMode, `project folder under umask ${mask.toString(8)}`);
      assert.equal(fs.statSync(path.join(dir, 'my_plugin')).mode & 0o777, dirMode, 'sub-folder');
      assert.equal(fs.statSync(path.join(dir, 'go.mod')).mode & 0o777, fileMode, 'file');
      assert.equal(fs.statSync(path.join(dir, 'run.sh')).mode & 0o777, execMode, 'executable');
      // Into an existing folder (Anklet's plugins/handlers/<name>): the new folders too.
      const nested = makeTree({ 'plugins/.keep': '' });
      writeScaffold(planScaffold({ templateId: 'nested', name: 'x', parentDir: nested }, root));
      assert.equal(fs.statSync(path.join(nested, 'plugins', 'handlers')).mode & 0o777, dirMode, 'nested folder');
    } finally {
      process.umask(previous);
    }
  }
});

test('an option with a choices table: the default, the variables it implies, and a clear refusal', () => {
  const root = makeTree({
    'index.json': JSON.stringify(['ek']),
    'ek/template.json': JSON.stringify({
      id: 'ek',
      system: 'ekuiper',
      title: 'eK',
      description: '',
      name: { pattern: '^[a-z]+$', message: 'lowercase', example: 'x' },
      directory: '{{pw.name}}',
      options: [
        { key: 'ekuiperVersion', description: 'target', default: '', choices: 'ekuiper-target-versions' },
        { key: 'goVersion', description: 'go', default: '{{pw.ekuiperGo}}' },
      ],
      manifests: [],
      next: [],
    }),
    'ek/files/go.mod.tmpl': 'go {{pw.goVersion}} // {{pw.ekuiperContract}} {{pw.ekuiperImage}}\n',
  });
  const parent = makeTree({});
  const byDefault = planScaffold({ templateId: 'ek', name: 'x', parentDir: parent }, root);
  assert.equal(byDefault.variables.ekuiperVersion, 'v2.4.0');
  assert.equal(byDefault.files[0].content, 'go 1.25.4 // v2.3.1 lfedge/ekuiper:2.4.0-dev\n');
  const older = planScaffold(
    { templateId: 'ek', name: 'x', parentDir: parent, options: { ekuiperVersion: 'v2.2.5' } },
    root,
  );
  assert.equal(older.files[0].content, 'go 1.24.5 // v2.0.0 lfedge/ekuiper:2.2.5-dev\n');
  assert.throws(
    () => planScaffold({ templateId: 'ek', name: 'x', parentDir: parent, options: { ekuiperVersion: 'v9.0.0' } }, root),
    (e: unknown) => e instanceof ScaffoldError && e.reason === 'usage' && /one of v2\.4\.0, /.test(e.message),
  );
});

test('blocks: {{#pw.x}} kept when x is "true", {{^pw.x}} when not; tag lines vanish; unknown or unclosed is a broken template', async () => {
  const { render, RenderError } = await import('../../../server/src/scaffold/render');
  const text =
    'a\n\t{{#pw.paid}}\npaid {{pw.name}}\n{{/pw.paid}}\n{{^pw.paid}}\nfree\n{{/pw.paid}}\nz {{#pw.paid}}P{{/pw.paid}}{{^pw.paid}}F{{/pw.paid}}\n';
  assert.equal(render(text, { paid: 'true', name: 'n' }, 't'), 'a\npaid n\nz P\n');
  assert.equal(render(text, { paid: 'false', name: 'n' }, 't'), 'a\nfree\nz F\n');
  assert.equal(render('{{#pw.a}}A{{#pw.b}}B{{/pw.b}}{{/pw.a}}', { a: 'true', b: 'true' }, 't'), 'AB');
  assert.throws(() => render('{{#pw.nope}}x{{/pw.nope}}', {}, 't'), RenderError);
  assert.throws(() => render('{{#pw.a}}x', { a: 'true' }, 't'), RenderError);
});
