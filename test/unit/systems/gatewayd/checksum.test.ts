import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../../../server/src/analysis';
import { nodeFileAccess } from '../../../../server/src/core';
import { checkText, makeTree } from '../../../helpers/engine';
import { pluginsFile } from './fixtures';

const BINARY = Buffer.from('\x7fELF a plugin binary built just now');
const SHA = createHash('sha256').update(BINARY).digest('hex');

test('a checksum that does not match the binary at localPath is a warning carrying the real SHA-256', async () => {
  const dir = makeTree({ 'bin/cache': BINARY });
  const file = path.join(dir, 'gatewayd_plugins.yaml');
  const wrong = 'cd'.repeat(32);
  const { diagnostics } = await checkText('gatewayd-plugins', pluginsFile({ checksum: wrong }), file);
  const mismatch = diagnostics.find((d) => d.code === 'gatewayd.checksum-mismatch');
  assert.ok(mismatch, JSON.stringify(diagnostics));
  assert.equal(mismatch.severity, 'warning');
  assert.equal(mismatch.line, 10);
  assert.match(mismatch.message, new RegExp(SHA));
  const mended = await checkText('gatewayd-plugins', pluginsFile({ checksum: SHA }), file);
  assert.equal(
    mended.diagnostics.some((d) => d.code.startsWith('gatewayd.checksum')),
    false,
  );
});

test('a missing binary is only a note on localPath', async () => {
  const dir = makeTree({});
  const { diagnostics } = await checkText('gatewayd-plugins', pluginsFile(), path.join(dir, 'gatewayd_plugins.yaml'));
  const note = diagnostics.find((d) => d.code === 'gatewayd.binary-missing');
  assert.equal(note?.severity, 'information');
  assert.equal(note?.line, 5);
  assert.equal(
    diagnostics.some((d) => d.severity === 'error'),
    false,
  );
});

test('an untrusted workspace reads no binary, so no mismatch is reported', async () => {
  const dir = makeTree({ 'bin/cache': BINARY });
  const engine = new Engine({ files: nodeFileAccess({ trusted: false }) });
  const file = path.join(dir, 'gatewayd_plugins.yaml');
  const analysis = await engine.analyze({ path: file, text: pluginsFile({ checksum: 'cd'.repeat(32) }) });
  assert.equal(
    analysis.diagnostics.some((d) => d.code === 'gatewayd.checksum-mismatch'),
    false,
  );
  assert.ok(fs.existsSync(path.join(dir, 'bin/cache')));
});
