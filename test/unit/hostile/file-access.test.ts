import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../../server/src/analysis';
import { nodeFileAccess, readRegularFile, resolveWithin } from '../../../server/src/core';
import { checkText, makeTree } from '../../helpers/engine';
import { pluginsFile } from '../systems/gatewayd/fixtures';

const posix = process.platform !== 'win32';

test('#2 a FIFO, /dev/zero and /dev/urandom are never read, a folder neither', { skip: !posix }, () => {
  const dir = makeTree({ 'ok.yaml': 'a: 1\n' });
  execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
  fs.symlinkSync('/dev/urandom', path.join(dir, 'random.json'));
  const files = nodeFileAccess();
  for (const name of ['fifo.json', 'zero.json', 'random.json', '.']) {
    assert.equal(files.readText(path.join(dir, name)), undefined, name);
    assert.deepEqual(readRegularFile(path.join(dir, name), 1024), { refused: 'not-a-file' }, name);
  }
  assert.equal(files.readText(path.join(dir, 'ok.yaml')), 'a: 1\n');
  assert.deepEqual(readRegularFile(path.join(dir, 'ok.yaml'), 2), { refused: 'too-large', size: 5 });
});

test(
  '#2 a FIFO or /dev/zero beside a manifest (sibling metadata, lgc.toml above) does not block classification',
  { skip: !posix },
  async () => {
    const dir = makeTree({ 'src/random.yaml': 'default:\n  interval: 10\n', 'rules/p/det.yaml': 'a: 1\n' });
    execFileSync('mkfifo', [path.join(dir, 'src', 'random.json')]);
    execFileSync('mkfifo', [path.join(dir, 'lgc.toml')]);
    const engine = new Engine();
    assert.equal(
      (await engine.analyze({ path: path.join(dir, 'src', 'random.yaml'), text: 'default:\n  interval: 10\n' })).kind,
      undefined,
    );
    assert.equal(
      (await engine.analyze({ path: path.join(dir, 'rules', 'p', 'det.yaml'), text: 'a: 1\n' })).kind,
      undefined,
    );
    fs.rmSync(path.join(dir, 'src', 'random.json'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'src', 'random.json'));
    assert.equal(
      (await engine.analyze({ path: path.join(dir, 'src', 'random.yaml'), text: 'default:\n  interval: 10\n' })).kind,
      undefined,
    );
  },
);

test('#3 paths are resolved inside the roots without looking outside them', { skip: !posix }, () => {
  const root = makeTree({ 'bin/plugin': 'x' });
  fs.symlinkSync('/etc/passwd', path.join(root, 'out'));
  fs.symlinkSync('/nonexistent-pw-test', path.join(root, 'dangling'));
  fs.symlinkSync('/etc', path.join(root, 'etc'));
  fs.symlinkSync('bin', path.join(root, 'inner'));
  fs.symlinkSync('loop2', path.join(root, 'loop1'));
  fs.symlinkSync('loop1', path.join(root, 'loop2'));
  const real = fs.realpathSync(root);
  assert.deepEqual(resolveWithin([root], path.join(root, 'bin/plugin')), { inside: path.join(real, 'bin/plugin') });
  assert.deepEqual(resolveWithin([root], path.join(root, 'inner/plugin')), { inside: path.join(real, 'bin/plugin') });
  assert.deepEqual(resolveWithin([root], path.join(root, 'bin/none')), { missing: true });
  for (const outside of [
    'out',
    'dangling',
    'etc/passwd',
    'etc/nonexistent',
    '../../etc/passwd',
    '/etc/shadow',
    '/nonexistent',
  ]) {
    assert.deepEqual(resolveWithin([root], path.resolve(root, outside)), { outside: true }, outside);
  }
  assert.deepEqual(resolveWithin([root], path.join(root, 'loop1')), { missing: true });
});

const ZEROS = 'ab'.repeat(32);

test(
  '#3 the checksum rule never hashes (or tells about) a file outside the allowed folders',
  { skip: !posix },
  async () => {
    const dir = makeTree({ 'bin/cache': 'inside binary' });
    fs.symlinkSync('/etc/passwd', path.join(dir, 'bin', 'link'));
    const file = path.join(dir, 'gatewayd_plugins.yaml');
    const results = [];
    for (const localPath of [
      '/etc/passwd',
      '/etc/nonexistent-pw',
      '../../../../../../../../etc/passwd',
      '../../../../../../../../nonexistent',
      './bin/link',
    ]) {
      const { diagnostics } = await checkText(
        'gatewayd-plugins',
        pluginsFile({ checksum: ZEROS }).replace('./bin/cache', localPath),
        file,
      );
      assert.equal(
        diagnostics.some((d) => /[0-9a-f]{64}/.test(d.message.replace(ZEROS, ''))),
        false,
        JSON.stringify(diagnostics),
      );
      const note = diagnostics.find((d) => d.code === 'gatewayd.binary-outside');
      assert.ok(note, `${localPath}: ${JSON.stringify(diagnostics)}`);
      results.push(note.message.replace(localPath, '<path>'));
    }
    // Existing or not, the words are the same.
    assert.equal(new Set(results).size, 1, results.join('\n'));
    // Inside still compares, and an explicit wider root (the CLI's --read-outside) allows more.
    const inside = await checkText('gatewayd-plugins', pluginsFile({ checksum: ZEROS }), file);
    assert.ok(inside.diagnostics.some((d) => d.code === 'gatewayd.checksum-mismatch'));
    const wide = new Engine({ files: nodeFileAccess({ roots: ['/'] }) });
    const outside = await wide.analyze({
      path: file,
      text: pluginsFile({ checksum: ZEROS }).replace('./bin/cache', './bin/link'),
    });
    assert.ok(outside.diagnostics.some((d) => d.code === 'gatewayd.checksum-mismatch'));
  },
);

test('#3 a FIFO or a device at localPath is not hashed', { skip: !posix }, async () => {
  const dir = makeTree({});
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero'));
  for (const name of ['./fifo', './zero']) {
    const { diagnostics } = await checkText(
      'gatewayd-plugins',
      pluginsFile({ checksum: ZEROS }).replace('./bin/cache', name),
      path.join(dir, 'gatewayd_plugins.yaml'),
    );
    assert.equal(
      diagnostics.some((d) => d.code === 'gatewayd.checksum-mismatch'),
      false,
    );
  }
});
