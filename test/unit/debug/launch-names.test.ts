import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detectProjects, launchConfigurations } from '../../../server/src/systems';
import { makeTree } from '../../helpers/engine';

// Two projects whose launch configurations share a name (issue #16 item 7): VS Code would list
// "GatewayD: cache (dev mode)" twice, the second with "(1)"; each gets its folder instead.
const gatewaydProject = (name: string) => ({
  'go.mod': 'module example.com/p\n\ngo 1.22\n',
  'gatewayd_plugin.yaml': `plugins:\n  - name: ${name}\n    localPath: ./${name}\n`,
});

test('colliding launch configuration names get their project folder; unique ones stay as they are', () => {
  const files: Record<string, string> = {};
  for (const [folder, name] of [
    ['team-a/cache', 'cache'],
    ['team-b/cache', 'cache'],
    ['auth', 'auth'],
  ])
    for (const [file, text] of Object.entries(gatewaydProject(name))) files[`${folder}/${file}`] = text;
  const root = makeTree(files);
  const names = launchConfigurations(detectProjects(root), root)
    .map((c) => c.attributes.name)
    .sort();
  assert.deepEqual(names, [
    'GatewayD: auth (dev mode)',
    'GatewayD: cache (dev mode) (team-a/cache)',
    'GatewayD: cache (dev mode) (team-b/cache)',
  ]);
  assert.equal(new Set(names).size, names.length);
});
