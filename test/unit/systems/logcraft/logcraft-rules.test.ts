import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, codesAtLines, makeTree } from '../../../helpers/engine';

const LGC = (services: string, baseDir = '.lgc') =>
  `[core]\nworkspace = "rules"\nbase_dir = "${baseDir}"\n\n[services]\n${services}`;
const SPLUNK =
  '[services.splunk-prod]\nplugin = "splunk"\nenvironment = "prod"\n\n[services.splunk-prod.settings]\nurl = "https://splunk:8089"\nauth_type = "Bearer"\ntoken = "${SPLUNK_TOKEN}"\n';
const codes = async (text: string, dir: string) =>
  codesAtLines((await checkText('logcraft-config', text, path.join(dir, 'lgc.toml'))).diagnostics);

test('logcraft.missing-plugin: <base_dir>/plugins/<plugin>.wasm must exist; silent for a base_dir outside the project', async () => {
  const dir = makeTree({});
  assert.deepEqual(await codes(LGC(SPLUNK), dir), ['logcraft.missing-plugin@7']);
  fs.mkdirSync(path.join(dir, '.lgc', 'plugins'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.lgc', 'plugins', 'splunk.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  assert.deepEqual(await codes(LGC(SPLUNK), dir), []);
  assert.deepEqual(await codes(LGC(SPLUNK, '/opt/somewhere-else'), makeTree({})), []);
});

test('logcraft.id-clash: a service named like an environment is a warning (lgc loads it; the service wins the identifier)', async () => {
  const dir = makeTree({ '.lgc/plugins/splunk.wasm': 'x' });
  const clash = SPLUNK + '\n[services.prod]\nplugin = "splunk"\n';
  const { diagnostics } = await checkText('logcraft-config', LGC(clash), path.join(dir, 'lgc.toml'));
  assert.deepEqual(codesAtLines(diagnostics), ['logcraft.id-clash@15']);
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].message, /picks the service, never the environment/);
});

test('kebab-case ids and environments come with the kebab-case form to use', async () => {
  const dir = makeTree({ '.lgc/plugins/splunk.wasm': 'x' });
  const { diagnostics } = await checkText(
    'logcraft-config',
    LGC(SPLUNK.replace(/splunk-prod/g, 'Splunk_Prod').replace('"prod"', '"EU Prod"')),
    path.join(dir, 'lgc.toml'),
  );
  const kebab = diagnostics.filter((d) => d.code === 'logcraft.kebab-case');
  assert.deepEqual(
    kebab.map((d) => d.line),
    [6, 8],
  );
  assert.match(kebab[0].message, /Use "splunk-prod"\./);
  assert.match(kebab[1].message, /Use "eu-prod"\./);
  // lgc loads both (ensure_kebab_case runs only in `lgc services create`): warnings, never errors.
  assert.deepEqual(
    kebab.map((d) => d.severity),
    ['warning', 'warning'],
  );
  assert.ok(kebab.every((d) => /lgc loads it, but `lgc services create` refuses/.test(d.message)));
  assert.deepEqual(
    diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
});

test("logcraft.settings: splunk settings are checked against the plugin's settings schema; placeholders pass", async () => {
  const dir = makeTree({ '.lgc/plugins/splunk.wasm': 'x' });
  assert.deepEqual(await codes(LGC(SPLUNK), dir), []);
  const broken = await codes(LGC(SPLUNK.replace('"Bearer"', '"Token"')), dir);
  assert.deepEqual(broken, ['logcraft.invalid-value@12']);
});
