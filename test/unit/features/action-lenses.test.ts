import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SYSTEMS, type ActionArguments } from '../../../server/src/systems';
import { RUN_ACTION_COMMAND } from '../../../server/src/features';
import { makeTree } from '../../helpers/engine';
import { Workbench } from '../../helpers/features';

// Lenses that act (issue #16): each runs a task or the dev-mode launch of the plugin project.
const workbench = new Workbench();

async function lenses(file: string, text: string) {
  const found = (await workbench.actionLensesOf(file, text)) ?? [];
  for (const lens of found) assert.equal(lens.command?.command, RUN_ACTION_COMMAND);
  return found.map((lens) => ({ line: lens.range.start.line, action: lens.command!.arguments![0] as ActionArguments }));
}

test('CloudQuery: "▶ Sync (dev)" above each source spec, launching with this file as the spec and that source', async () => {
  const file = path.join(makeTree({}), 'test/config.yml');
  const found = await lenses(
    file,
    'kind: source\nspec:\n  name: xkcd\n  registry: grpc\n  path: localhost:7777\n  tables: ["*"]\n  destinations: [pg]\n---\nkind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v8.0.0\n',
  );
  assert.deepEqual(found, [
    {
      line: 0,
      action: {
        file,
        run: 'launch',
        title: '▶ Sync (dev)',
        near: file,
        launch: { spec: '$file', plugin: 'xkcd' },
      },
    },
  ]);
});

test('GatewayD: "Update checksum" above each plugin entry with a localPath, run near the binary it points at', async () => {
  const dir = makeTree({});
  const file = path.join(dir, 'gatewayd_plugins.yaml');
  const found = await lenses(
    file,
    'plugins:\n  - name: cache\n    localPath: ../cache/gatewayd-plugin-cache\n  - name: nopath\n    enabled: false\n',
  );
  assert.deepEqual(
    found.map((f) => [f.line, f.action.title, f.action.run, f.action.near]),
    [[1, 'Update checksum', 'update-checksum', path.resolve(dir, '../cache/gatewayd-plugin-cache')]],
  );
});

test('LogCraft: "Validate" and "Plan" above each service of lgc.toml, with its id', async () => {
  const file = path.join(makeTree({}), 'lgc.toml');
  const found = await lenses(
    file,
    '[core]\nworkspace = "rules"\n\n[services.prod-splunk]\nplugin = "splunk"\n\n[services.dev-sentinel]\nplugin = "sentinel"\n',
  );
  assert.deepEqual(
    found.map((f) => [f.line, f.action.title, f.action.run, f.action.args]),
    [
      [3, 'Validate', 'validate', ['prod-splunk']],
      [6, 'Validate', 'validate', ['dev-sentinel']],
      [3, 'Plan', 'plan', ['prod-splunk']],
      [6, 'Plan', 'plan', ['dev-sentinel']],
    ],
  );
});

test('no action lens in a file of a kind without one, nor in an unrelated YAML file', async () => {
  const dir = makeTree({});
  assert.deepEqual(await lenses(path.join(dir, 'gatewayd.yaml'), 'loggers:\n  default:\n    level: info\n'), []);
  assert.equal(await workbench.actionLensesOf(path.join(dir, 'docker-compose.yml'), 'services:\n  db: {}\n'), null);
});

test('every action lens runs a task its system has, or a launch its system offers', () => {
  const dir = makeTree({});
  for (const system of SYSTEMS) {
    for (const row of system.actions ?? []) {
      const kinds = system.projects ?? [];
      const fake = { kind: '', system: system.id, dir, name: 'x', details: { binary: 'x', version: 'v1', entry: 'x' } };
      if (row.run === 'launch')
        assert.ok(
          kinds.some((k) => k.launch),
          `${system.id}: ${row.title} needs a launch`,
        );
      else
        assert.ok(
          kinds.some((k) => k.tasks({ ...fake, kind: k.id }).some((t) => t.id === row.run)),
          `${system.id}: ${row.title} runs task "${row.run}", which no project kind of the system has`,
        );
    }
  }
});
