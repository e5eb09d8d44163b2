import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  EKUIPER_TARGETS,
  ekuiperDevImage,
  ekuiperRelease,
} from '../../../../server/src/systems/ekuiper/target-versions';

const semver = (v: string) => v.replace(/^v/, '').split('.').map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
};

test('eKuiper target versions: one row per release, newest first and the default', () => {
  const versions = EKUIPER_TARGETS.releases.map((r) => r.version);
  assert.equal(new Set(versions).size, versions.length);
  for (let i = 1; i < versions.length; i++)
    assert.ok(newer(versions[i - 1], versions[i]), `${versions[i - 1]} before ${versions[i]}`);
  assert.equal(EKUIPER_TARGETS.default, versions[0]);
  for (const row of EKUIPER_TARGETS.releases) {
    assert.match(row.version, /^v2\.\d+\.\d+$/);
    assert.match(row.go, /^1\.\d+\.\d+$/);
    assert.match(row.contract, /^v2\.\d+\.\d+$/);
    assert.equal(row.source, `go.mod at tag ${row.version}`);
  }
  // Every minor line from v2.1 to v2.4 is there.
  for (const minor of ['v2.1.', 'v2.2.', 'v2.3.', 'v2.4.'])
    assert.ok(
      versions.some((v) => v.startsWith(minor)),
      minor,
    );
});

test('eKuiper target versions: lookup with or without v, and the dev image tag', () => {
  assert.equal(ekuiperRelease('2.4.0')?.contract, ekuiperRelease('v2.4.0')?.contract);
  assert.equal(ekuiperRelease('v9.9.9'), undefined);
  assert.equal(ekuiperDevImage('v2.4.0'), 'lfedge/ekuiper:2.4.0-dev');
});
