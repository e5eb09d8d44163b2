import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTree } from '../../../helpers/engine';
import { codesOf, dataOf, find, manifest } from './helpers';

const CODE = ['ekuiper.missing-source-config'];

function pkg(extra: Record<string, string> = {}): string {
  const dir = makeTree({ 'mirror.json': manifest(), mirror: '', ...extra });
  fs.chmodSync(path.join(dir, 'mirror'), 0o755);
  return dir;
}

test('missing-source-config: a source without sources/<name>.yaml is an error on its entry; creating it mends it', async () => {
  const dir = pkg();
  const file = path.join(dir, 'mirror.json');
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', file), ['ekuiper.missing-source-config@6']);
  assert.equal((await find('ekuiper-portable-manifest', file, CODE[0]))?.severity, 'error');
  assert.deepEqual(await dataOf('ekuiper-portable-manifest', file, CODE[0]), [{ create: 'sources/random.yaml' }]);

  fs.mkdirSync(path.join(dir, 'sources'));
  fs.writeFileSync(path.join(dir, 'sources', 'random.yaml'), 'default: {}\n');
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', file), []);
});

test('missing-source-config: the YAML must be in sources/, under the source name', async () => {
  const dir = pkg({ 'random.yaml': 'default: {}\n', 'sources/Random.yml': 'default: {}\n' });
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', path.join(dir, 'mirror.json'), CODE), [
    'ekuiper.missing-source-config@6',
  ]);
});

test('missing-source-config: two manifests in one folder are not a package: silent; one manifest (and other JSON) is', async () => {
  const dir = pkg({ 'other.json': manifest({ executable: 'other', source: 'other' }) });
  const file = path.join(dir, 'mirror.json');
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', file, CODE), []);
  fs.rmSync(path.join(dir, 'other.json'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'tooling', version: '1.0.0' }));
  assert.deepEqual(await codesOf('ekuiper-portable-manifest', file, CODE), ['ekuiper.missing-source-config@6']);
});
