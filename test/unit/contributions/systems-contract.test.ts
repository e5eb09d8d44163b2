import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOST_SYSTEMS, KIND_IDS, SYSTEMS, TOOLS } from '../../../server/src/systems';

// package.json and templates/ are data written by hand beside the descriptors: these checks make
// them agree with SYSTEMS, so a sixth system cannot be half added.

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const properties: Record<string, { enum?: string[]; additionalProperties?: { enum?: string[] } }> =
  manifest.contributes.configuration.properties;
const sorted = (values: Iterable<string>) => [...values].sort();

test('the associations setting offers exactly the kinds of SYSTEMS', () => {
  assert.deepEqual(
    sorted(properties['pluginWorkbench.associations'].additionalProperties?.enum ?? []),
    sorted(KIND_IDS),
  );
});

test('the plugin-host debugger offers exactly the systems with a host', () => {
  const launch = manifest.contributes.debuggers[0].configurationAttributes.launch.properties;
  assert.deepEqual(sorted(launch.system.enum), sorted(HOST_SYSTEMS.map((s) => s.id)));
});

test('every system has its enable and path settings, and no setting names a system that does not exist', () => {
  for (const system of SYSTEMS) {
    for (const key of ['enable', 'path'])
      assert.ok(properties[`pluginWorkbench.${system.id}.${key}`], `pluginWorkbench.${system.id}.${key} is missing`);
  }
  const named = Object.keys(properties)
    .map((key) => /^pluginWorkbench\.([^.]+)\.(enable|path)$/.exec(key)?.[1])
    .filter((id): id is string => !!id);
  assert.deepEqual(sorted(new Set(named)), sorted(SYSTEMS.map((s) => s.id)));
});

test('every tool setting is a contributed setting', () => {
  for (const [tool, info] of Object.entries(TOOLS))
    if (info.setting) assert.ok(properties[info.setting], `${tool}: ${info.setting} is not in package.json`);
});

test('each system lists exactly its templates, and each template names its system', () => {
  const ids: string[] = JSON.parse(fs.readFileSync(path.join(root, 'templates', 'index.json'), 'utf8'));
  const systemOf = (id: string) =>
    JSON.parse(fs.readFileSync(path.join(root, 'templates', id, 'template.json'), 'utf8')).system as string;
  assert.deepEqual(sorted(SYSTEMS.flatMap((s) => s.templates)), sorted(ids));
  for (const system of SYSTEMS)
    for (const id of system.templates) assert.equal(systemOf(id), system.id, `template ${id}`);
});

test("a descriptor's kinds, rules, outline rows and bindings name only its own kinds", () => {
  for (const system of SYSTEMS) {
    const own = new Set(system.kinds.map((k) => k.id));
    for (const kind of system.kinds) assert.equal(kind.system, system.id, kind.id);
    for (const rule of system.rules)
      for (const kind of rule.kinds) assert.ok(own.has(kind), `${rule.id} names ${kind}`);
    for (const kind of Object.keys(system.outline)) assert.ok(own.has(kind), `outline of ${kind}`);
    for (const row of [...(system.links ?? []), ...(system.workspaceValues ?? []), ...(system.references ?? [])])
      assert.ok(own.has(row.kind), `${system.id}: ${row.kind}`);
    for (const code of Object.keys(system.fixes ?? {}))
      assert.ok(code.startsWith(`${system.id}.`), `fix binding ${code}`);
  }
  assert.equal(new Set(KIND_IDS).size, KIND_IDS.length, 'kind ids are unique');
});

test('tool path settings are window-scoped (a User setting applies in remote windows) and restricted', () => {
  const properties = manifest.contributes.configuration.properties;
  const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  const settings = new Set(Object.values(TOOLS).flatMap((tool) => (tool.setting ? [tool.setting] : [])));
  assert.ok(settings.size >= SYSTEMS.length - 1);
  for (const setting of settings) {
    // machine / machine-overridable are read only from Remote settings in a remote window.
    assert.equal(properties[setting].scope, 'window', setting);
    assert.ok(restricted.includes(setting), `${setting}: an untrusted folder's settings must not set it`);
  }
});
