import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, find, manifest } from './helpers';

const KIND = 'ekuiper-portable-manifest';
const CODE = ['ekuiper.executable-mode'];

test(
  'executable-mode: a go executable without the executable bit is a warning; chmod +x mends it',
  { skip: process.platform === 'win32' },
  async () => {
    const dir = makeTree({ 'mirror.json': manifest(), 'sources/random.yaml': 'default: {}\n', mirror: 'binary' });
    fs.chmodSync(path.join(dir, 'mirror'), 0o644);
    const file = path.join(dir, 'mirror.json');
    assert.deepEqual(await codesOf(KIND, file), ['ekuiper.executable-mode@4']);
    const diagnostic = await find(KIND, file, CODE[0]);
    assert.equal(diagnostic?.severity, 'warning');
    assert.match(diagnostic!.message, /chmod \+x mirror/);

    fs.chmodSync(path.join(dir, 'mirror'), 0o755);
    assert.deepEqual(await codesOf(KIND, file), []);
  },
);

test(
  'executable-mode: a Python script needs no bit; several manifests in one folder: silent',
  { skip: process.platform === 'win32' },
  async () => {
    const python = makeTree({
      'pysam.json': manifest({ language: 'python', executable: 'pysam.py' }),
      'sources/random.yaml': 'default: {}\n',
      'pysam.py': '',
    });
    fs.chmodSync(path.join(python, 'pysam.py'), 0o644);
    assert.deepEqual(await codesOf(KIND, path.join(python, 'pysam.json'), CODE), []);

    const shared = makeTree({ 'mirror.json': manifest(), 'other.json': manifest(), mirror: '' });
    fs.chmodSync(path.join(shared, 'mirror'), 0o644);
    assert.deepEqual(await codesOf(KIND, path.join(shared, 'mirror.json'), CODE), []);
  },
);
