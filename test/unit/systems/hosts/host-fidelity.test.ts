import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { KindId } from '../../../../server/src/core';
import { checkText } from '../../../helpers/engine';

// Each case is a file whose fate under its host's own loading code is known from the host's source
// (docs/hosts/<system>.md): `accept` = no error from us, `reject` = an error on the named line.

const SOURCE =
  'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: [x]\n  destinations: [pg]\n';
const DEST = 'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v1.0.0\n';
const cq = (source: string, dest = DEST, sep = '---') => `${source}${sep}\n${dest}`;
const withSource = (extra: string) => cq(SOURCE + extra);

const ANKLET =
  'global_database_url: localhost\nplugins:\n  - name: RUNNER1\n    plugin: github\n    token: t\n    owner: o\n';

const CASES: Array<[name: string, kind: KindId, text: string, verdict: 'accept' | number, code?: string]> = [
  ['CloudQuery: a plain two-document spec', 'cloudquery-spec', cq(SOURCE), 'accept'],
  [
    'CloudQuery: a comment-only section before the first ---',
    'cloudquery-spec',
    '# header\n---\n' + cq(SOURCE),
    1,
    'cloudquery.empty-section',
  ],
  ['CloudQuery: a trailing ---', 'cloudquery-spec', cq(SOURCE) + '---\n', 14, 'cloudquery.empty-section'],
  ['CloudQuery: "--- " is not a split, the destination is lost', 'cloudquery-spec', cq(SOURCE, DEST, '--- '), 7],
  ['CloudQuery: "--- # c" is not a split', 'cloudquery-spec', cq(SOURCE, DEST, '--- # c'), 7],
  ['CloudQuery: a %YAML directive', 'cloudquery-spec', '%YAML 1.1\n---\n' + cq(SOURCE), 1, 'cloudquery.empty-section'],
  [
    'CloudQuery: 0o755 is an int in a string field',
    'cloudquery-spec',
    cq(SOURCE.replace('v1.0.0', '0o755')),
    5,
    'cloudquery.wrong-type',
  ],
  [
    'CloudQuery: 0x1F is an int in a string field',
    'cloudquery-spec',
    cq(SOURCE.replace('path: cloudquery/aws', 'path: 0x1F')),
    4,
    'cloudquery.wrong-type',
  ],
  [
    'CloudQuery: !!float 1 in a string field',
    'cloudquery-spec',
    cq(SOURCE.replace('path: cloudquery/aws', 'path: !!float 1')),
    4,
    'cloudquery.wrong-type',
  ],
  [
    'CloudQuery: 12:30 stays a string (no sexagesimal)',
    'cloudquery-spec',
    cq(SOURCE.replace('path: cloudquery/aws', 'path: 12:30')),
    'accept',
  ],
  ['CloudQuery: registry: ~ is the default', 'cloudquery-spec', withSource('  registry: ~\n'), 'accept'],
  ['CloudQuery: a null table is ""', 'cloudquery-spec', cq(SOURCE.replace('[x]', '[x, ~]')), 'accept'],
  [
    'CloudQuery: a quoted placeholder in a bool field',
    'cloudquery-spec',
    withSource('  deterministic_cq_id: "${DET}"\n'),
    8,
    'cloudquery.wrong-type',
  ],
  [
    'CloudQuery: an unquoted placeholder in a bool field',
    'cloudquery-spec',
    withSource('  deterministic_cq_id: ${DET}\n'),
    'accept',
  ],
  [
    'CloudQuery: a placeholder destination name',
    'cloudquery-spec',
    cq(SOURCE, DEST.replace('name: pg', 'name: ${DNAME}')),
    'accept',
  ],
  [
    'CloudQuery: keys in another case load',
    'cloudquery-spec',
    cq(SOURCE.replace('kind:', 'Kind:').replace('spec:', 'SPEC:').replace('tables:', 'Tables:')),
    'accept',
  ],
  [
    'CloudQuery: a repeated key loads (last wins)',
    'cloudquery-spec',
    cq(SOURCE.replace('  name: aws\n', '  name: aws\n  name: aws\n')),
    'accept',
  ],
  ['CloudQuery: no kind is a source', 'cloudquery-spec', cq(SOURCE.replace('kind: source\n', '')), 'accept'],
  [
    'CloudQuery: .inf cannot become JSON',
    'cloudquery-spec',
    withSource('  spec:\n    x: .inf\n'),
    9,
    'cloudquery.wrong-type',
  ],
  [
    'CloudQuery: write_mode: ~ is "invalid write mode: "',
    'cloudquery-spec',
    cq(SOURCE, DEST + '  write_mode: ~\n'),
    14,
  ],
  [
    'GatewayD: channel: 1_000 is an int',
    'gatewayd-plugins',
    'actionRedis:\n  enabled: false\n  address: localhost:6379\n  channel: 1_000\n',
    4,
  ],
  [
    'GatewayD: a date is a time.Time',
    'gatewayd-plugins',
    'actionRedis:\n  enabled: false\n  address: localhost:6379\n  channel: 2001-12-14\n',
    4,
    'gatewayd.wrong-type',
  ],
  [
    'GatewayD: .inf cannot be marshalled',
    'gatewayd-plugins',
    'actionRedis:\n  enabled: false\n  address: localhost:6379\n  channel: x\nmetricsMergerPeriod: .inf\n',
    5,
  ],
  [
    'GatewayD: %YAML 1.2 is refused by yaml.v3',
    'gatewayd-plugins',
    '%YAML 1.2\n---\nreloadOnCrash: true\n',
    1,
    'yaml.syntax',
  ],
  ['Anklet: %YAML 1.1 is what yaml.v2 accepts', 'anklet-config', '%YAML 1.1\n---\n' + ANKLET, 'accept'],
  [
    'GatewayD: a repeated key fails yaml.v3',
    'gatewayd-plugins',
    'reloadOnCrash: true\nreloadOnCrash: false\n',
    2,
    'yaml.duplicate-key',
  ],
  [
    'GatewayD global: weakly decoded values load',
    'gatewayd-config',
    'loggers:\n  default:\n    noColor: "true"\n    maxSize: "3"\n    maxAge: 3.5\n    compress: 1\n    localTime: ~\n    fileName: 12\n',
    'accept',
  ],
  [
    'GatewayD global: an unknown key loads',
    'gatewayd-config',
    'loggers:\n  default:\n    fileName: x\n    colour: red\n',
    'accept',
  ],
  [
    'GatewayD global: "yes" is no bool to strconv',
    'gatewayd-config',
    'loggers:\n  default:\n    noColor: "yes"\n',
    3,
    'gatewayd.wrong-type',
  ],
  ['Anklet: a float into an int is truncated', 'anklet-config', ANKLET + '    sleep_interval: 10.5\n', 'accept'],
  ['Anklet: 0o17 into an int', 'anklet-config', ANKLET + '    sleep_interval: 0o17\n', 'accept'],
  ['Anklet: a number into a string field', 'anklet-config', ANKLET + '    repo: 123\n', 'accept'],
  ['Anklet: 12:30 into an int', 'anklet-config', ANKLET + '    sleep_interval: 12:30\n', 7, 'anklet.wrong-type'],
  [
    'Anklet: past int64',
    'anklet-config',
    ANKLET + '    sleep_interval: 99999999999999999999\n',
    7,
    'anklet.wrong-type',
  ],
  ['Anklet: 1e400 is text', 'anklet-config', ANKLET + '    sleep_interval: 1e400\n', 7, 'anklet.wrong-type'],
  ['Anklet: .inf into an int', 'anklet-config', ANKLET + '    sleep_interval: .inf\n', 7, 'anklet.wrong-type'],
  [
    'Anklet: a merged value of the wrong type still fails',
    'anklet-config',
    ANKLET + '    <<: {sleep_interval: yes}\n    sleep_interval: 10\n',
    7,
    'anklet.wrong-type',
  ],
  ['Anklet: a repeated key loads', 'anklet-config', ANKLET + '    owner: p\n', 'accept'],
];

for (const [name, kind, text, verdict, code] of CASES) {
  test(name, async () => {
    const { diagnostics } = await checkText(kind, text);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (verdict === 'accept') {
      assert.deepEqual(
        errors.map((d) => `${d.code}@${d.line}: ${d.message}`),
        [],
      );
      return;
    }
    assert.ok(
      errors.some((d) => d.line === verdict && (!code || d.code === code)),
      `want an error${code ? ` ${code}` : ''} on line ${verdict}, got ${JSON.stringify(errors.map((d) => `${d.code}@${d.line}`))}`,
    );
  });
}

test('CloudQuery: a key in another case is a warning with the canonical spelling as its fix', async () => {
  const { diagnostics } = await checkText('cloudquery-spec', cq(SOURCE.replace('tables:', 'Tables:')));
  const warning = diagnostics.find((d) => d.code === 'cloudquery.key-case');
  assert.ok(warning && warning.severity === 'warning' && warning.line === 6 && /"tables"/.test(warning.message));
});

test('Anklet: a ${VAR} value is used as written (warning)', async () => {
  const { diagnostics } = await checkText('anklet-config', ANKLET.replace('token: t', 'token: ${GITHUB_TOKEN}'));
  assert.ok(diagnostics.some((d) => d.severity === 'warning' && d.line === 5 && /does not expand/.test(d.message)));
});

test('repeated keys are a warning where the host keeps the last value', async () => {
  const { diagnostics } = await checkText('anklet-config', ANKLET + '    owner: p\n');
  assert.ok(diagnostics.some((d) => d.code === 'yaml.duplicate-key' && d.severity === 'warning' && d.line === 7));
});
