import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkText, codesAtLines, makeTree } from '../../../helpers/engine';

// One test per Anklet rule (rules/anklet/*.ts): broken tree on disk, then the mended one.
const HANDLER = ['  - name: RUNNER1', '    plugin: github', '    owner: acme', '    token: ghp_example'];
const config = (lines: string[], globals: string[] = ['global_database_url: localhost']) =>
  [...globals, 'plugins:', ...lines, ''].join('\n');
const codes = async (text: string, dir = makeTree({})) =>
  codesAtLines((await checkText('anklet-config', text, path.join(dir, 'config.yml'))).diagnostics);

test('anklet.empty-config: an empty or comment-only file is an error on line 1', async () => {
  assert.deepEqual(await codes(''), ['anklet.empty-config@1']);
  assert.deepEqual(await codes('# nothing yet\n---\n'), ['anklet.empty-config@1']);
  assert.deepEqual(await codes('plugins:\n'), []);
});

test('anklet.no-database: a plugin without database.url and no global_database_url', async () => {
  assert.deepEqual(await codes(config(HANDLER, [])), ['anklet.no-database@2']);
  assert.deepEqual(await codes(config([...HANDLER, '    database:', '      url: localhost'], [])), []);
  assert.deepEqual(await codes(config(HANDLER)), []);
});

test('anklet.unknown-plugin: not a known plugin nor a plugin folder of the checkout', async () => {
  const broken = config(HANDLER.map((l) => l.replace('plugin: github', 'plugin: gitlab')));
  assert.deepEqual(await codes(broken), ['anklet.unknown-plugin@4']);
  const checkout = makeTree({ 'plugins/handlers/gitlab/plugin.go': 'package gitlab\n', 'configs/.keep': '' });
  assert.deepEqual(
    await codes(broken, path.join(checkout, 'configs')),
    [],
    'a plugin folder of this checkout is known',
  );
  const typo = await checkText(
    'anklet-config',
    config(HANDLER.map((l) => l.replace('plugin: github', 'plugin: githb'))),
    path.join(makeTree({}), 'config.yml'),
  );
  assert.match(typo.diagnostics[0].message, /Did you mean "github"\?/);
});

test('anklet.duplicate-name: the second plugin with a name', async () => {
  assert.deepEqual(await codes(config([...HANDLER, ...HANDLER])), ['anklet.duplicate-name@7']);
});

test('anklet.github-scope / credentials / receiver settings', async () => {
  const noScope = config(['  - name: R', '    plugin: github', '    token: x']);
  assert.deepEqual(await codes(noScope), ['anklet.github-scope@3']);
  const both = config(['  - name: R', '    plugin: github', '    token: x', '    owner: a', '    enterprise: e']);
  assert.deepEqual(await codes(both), ['anklet.github-scope@7']);
  const noCredentials = config(['  - name: R', '    plugin: github', '    owner: a']);
  assert.deepEqual(await codes(noCredentials), ['anklet.credentials@3']);
  assert.deepEqual(
    await codes(
      config(['  - name: R', '    plugin: github', '    owner: a'], ['global_database_url: x', 'global_token: t']),
    ),
    [],
  );
  const receiver = config(['  - name: W', '    plugin: github_receiver', '    owner: a', '    token: t']);
  assert.deepEqual(await codes(receiver), ['anklet.receiver-port@3', 'anklet.receiver-secret@3']);
  assert.deepEqual(
    await codes(
      config([
        '  - name: W',
        '    plugin: github_receiver',
        '    owner: a',
        '    token: t',
        '    port: "8080"',
        '    secret: s',
      ]),
    ),
    [],
  );
});
