import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, dataOf, find, manifest } from './helpers';

const CODE = 'ekuiper.missing-executable';
const KIND = 'ekuiper-portable-manifest';
const severityOf = async (file: string) => (await find(KIND, file, CODE))?.severity;

test('missing-executable: a package without its executable is an error on the value; adding it mends it', async () => {
  const dir = makeTree({ 'mirror.json': manifest(), 'sources/random.yaml': 'default: {}\n' });
  const file = path.join(dir, 'mirror.json');
  assert.deepEqual(await codesOf(KIND, file), ['ekuiper.missing-executable@4']);
  assert.equal(await severityOf(file), 'error');
  assert.match((await find(KIND, file, CODE))!.message, /missing mirror/);

  fs.writeFileSync(path.join(dir, 'mirror'), '#!/bin/sh\n', { mode: 0o755 });
  assert.deepEqual(await codesOf(KIND, file), []);
});

test('missing-executable: a warning when the folder holds what builds it (go.mod, *.go, Makefile, Python sources)', async () => {
  for (const input of [
    'go.mod',
    'main.go',
    'Makefile',
    'requirements.txt',
    'pyproject.toml',
    'setup.py',
    'helper.py',
  ]) {
    const dir = makeTree({ 'mirror.json': manifest(), 'sources/random.yaml': 'default: {}\n', [input]: '' });
    const file = path.join(dir, 'mirror.json');
    assert.deepEqual(await codesOf(KIND, file), ['ekuiper.missing-executable@4'], input);
    assert.equal(await severityOf(file), 'warning', input);
    fs.rmSync(path.join(dir, input));
    assert.equal(await severityOf(file), 'error', `without ${input}`);
  }
});

test('missing-executable: a missing Python script is not its own build input', async () => {
  const dir = makeTree({
    'pysam.json': manifest({ language: 'python', executable: 'pysam.py' }),
    'sources/random.yaml': 'default: {}\n',
    'README.md': '',
  });
  const file = path.join(dir, 'pysam.json');
  assert.equal(await severityOf(file), 'error');
  fs.writeFileSync(path.join(dir, 'lib.py'), '');
  assert.equal(await severityOf(file), 'warning', 'other Python sources: maybe generated');
  fs.writeFileSync(path.join(dir, 'pysam.py'), 'print(1)\n');
  assert.equal(await severityOf(file), undefined);
});

test('missing-executable: the executable is resolved relative to the manifest, and a near name is suggested', async () => {
  const dir = makeTree({
    'wrong.json': manifest({ executable: 'mirror.exe' }),
    'sources/random.yaml': 'default: {}\n',
    mirror: '',
  });
  const file = path.join(dir, 'wrong.json');
  assert.deepEqual(await codesOf(KIND, file, [CODE]), ['ekuiper.missing-executable@4']);
  assert.deepEqual(await dataOf(KIND, file, CODE), [{ suggestion: 'mirror', buildOutput: false }]);

  const nested = makeTree({
    'mirror.json': manifest({ executable: 'bin/mirror' }),
    'sources/random.yaml': 'default: {}\n',
    'bin/mirror': '',
  });
  fs.chmodSync(path.join(nested, 'bin/mirror'), 0o755);
  assert.deepEqual(await codesOf(KIND, path.join(nested, 'mirror.json')), []);
});

test("missing-executable: eKuiper's wrong.zip (only wrong.json) is refused; mirror.zip is complete", async () => {
  const wrong = makeTree({
    'wrong.json': JSON.stringify(
      {
        version: 'v1.0.0',
        language: 'go',
        executable: 'mirror.exe',
        sources: ['randomW'],
        sinks: ['fileW'],
        functions: ['echoW'],
      },
      null,
      2,
    ),
  });
  const wrongFile = path.join(wrong, 'wrong.json');
  assert.ok((await codesOf(KIND, wrongFile)).includes('ekuiper.missing-executable@4'));
  assert.equal(await severityOf(wrongFile), 'error');

  const mirror = makeTree({
    'mirror2.json': JSON.stringify(
      {
        version: 'v1.0.0',
        language: 'go',
        executable: 'mirror2',
        sources: ['randomGo'],
        sinks: ['fileGo'],
        functions: ['echoGo'],
      },
      null,
      2,
    ),
    mirror2: '',
    'sources/randomGo.yaml': 'default:\n  interval: 1000\n',
    'sources/randomGo.json': JSON.stringify({
      about: { trial: true },
      properties: { default: [] },
      node: { category: 'source' },
    }),
    'sinks/fileGo.json': JSON.stringify({ about: { trial: true }, properties: [], node: { category: 'sink' } }),
    'functions/echoGo.json': JSON.stringify({
      about: { trial: true },
      functions: [{ name: 'echoGo', node: { category: 'function' } }],
    }),
  });
  fs.chmodSync(path.join(mirror, 'mirror2'), 0o755);
  assert.deepEqual(await codesOf(KIND, path.join(mirror, 'mirror2.json')), []);
});

test('missing-executable: two manifests in one folder are not a package: silent', async () => {
  const dir = makeTree({ 'mirror.json': manifest(), 'other.json': manifest({ executable: 'other' }) });
  assert.deepEqual(await codesOf(KIND, path.join(dir, 'mirror.json')), []);
  assert.deepEqual(await codesOf(KIND, path.join(dir, 'other.json')), []);
  fs.rmSync(path.join(dir, 'other.json'));
  assert.ok((await codesOf(KIND, path.join(dir, 'mirror.json'))).includes('ekuiper.missing-executable@4'));
});
