import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, codesAtLines, makeTree } from '../../../helpers/engine';
import type { KindId } from '../../../../server/src/engine/kinds';

const MANIFEST = JSON.stringify({ version: 'v1.0.0', language: 'go', executable: 'mirror', sources: ['random'], sinks: ['file'] }, null, 2);
const check = async (kind: KindId, file: string) => codesAtLines((await checkText(kind, fs.readFileSync(file, 'utf8'), file)).diagnostics);

test('portable: a package without its executable is an error; a project that builds it, a warning', async () => {
  const pkg = makeTree({ 'mirror.json': MANIFEST, 'sources/random.yaml': 'default: {}\n' });
  assert.deepEqual(await check('ekuiper-portable-manifest', path.join(pkg, 'mirror.json')), ['ekuiper.missing-executable@4']);
  assert.equal((await checkText('ekuiper-portable-manifest', MANIFEST, path.join(pkg, 'mirror.json'))).diagnostics[0].severity, 'error');
  fs.writeFileSync(path.join(pkg, 'go.mod'), 'module x\n');
  const project = (await checkText('ekuiper-portable-manifest', MANIFEST, path.join(pkg, 'mirror.json'))).diagnostics;
  assert.deepEqual(project.map((d) => [d.code, d.severity]), [['ekuiper.missing-executable', 'warning']]);
  fs.writeFileSync(path.join(pkg, 'mirror'), '#!/bin/sh\n', { mode: 0o755 });
  assert.deepEqual(await check('ekuiper-portable-manifest', path.join(pkg, 'mirror.json')), []);
});

test('portable: every source needs sources/<name>.yaml', async () => {
  const pkg = makeTree({ 'mirror.json': MANIFEST, mirror: '' });
  fs.chmodSync(path.join(pkg, 'mirror'), 0o755);
  assert.deepEqual(await check('ekuiper-portable-manifest', path.join(pkg, 'mirror.json')), ['ekuiper.missing-source-config@6']);
  fs.mkdirSync(path.join(pkg, 'sources'));
  fs.writeFileSync(path.join(pkg, 'sources', 'random.yaml'), 'default: {}\n');
  assert.deepEqual(await check('ekuiper-portable-manifest', path.join(pkg, 'mirror.json')), []);
});

test('portable: a name different from the file name is an error; several manifests in one folder silence package checks', async () => {
  const dir = makeTree({ 'mirror.json': MANIFEST.replace('{', '{\n  "name": "other",'), 'second.json': MANIFEST });
  const codes = await check('ekuiper-portable-manifest', path.join(dir, 'mirror.json'));
  assert.deepEqual(codes, ['ekuiper.manifest-name@2'], 'only the name: two manifests side by side are not a package');
});

test('native: .so naming, the exported symbol, and the source config beside the metadata', async () => {
  const meta = JSON.stringify({ about: { trial: false }, properties: { default: [] }, node: { category: 'source' } }, null, 2);
  const dir = makeTree({
    'go.mod': 'module github.com/acme/random\n',
    'random.go': 'package main\n\nfunc NewRandom() {}\n',
    'etc/sources/random.json': meta,
    'plugins/sources/random-1.0.so': 'so',
  });
  const file = path.join(dir, 'etc', 'sources', 'random.json');
  assert.deepEqual(await check('ekuiper-source-meta', file), ['ekuiper.missing-source-yaml@2', 'ekuiper.missing-symbol@2', 'ekuiper.so-name@2']);
  fs.renameSync(path.join(dir, 'plugins/sources/random-1.0.so'), path.join(dir, 'plugins/sources/Random@v1.0.0.so'));
  fs.writeFileSync(path.join(dir, 'random.go'), 'package main\n\nfunc Random() api.Source { return nil }\n');
  fs.writeFileSync(path.join(dir, 'etc/sources/random.yaml'), 'default: {}\n');
  assert.deepEqual(await check('ekuiper-source-meta', file), []);
});

test('metadata: node.category must match its folder', async () => {
  const dir = makeTree({ 'sinks/file.json': JSON.stringify({ about: { trial: false }, properties: [], node: { category: 'source' } }, null, 2) });
  const codes = await check('ekuiper-sink-meta', path.join(dir, 'sinks', 'file.json'));
  assert.ok(codes.includes('ekuiper.node-category@7'), codes.join(', '));
  fs.writeFileSync(path.join(dir, 'sinks', 'file.json'), JSON.stringify({ about: { trial: false }, properties: [], node: { category: 'sink' } }, null, 2));
  assert.deepEqual((await check('ekuiper-sink-meta', path.join(dir, 'sinks', 'file.json'))).filter((c) => c.includes('category')), []);
});
