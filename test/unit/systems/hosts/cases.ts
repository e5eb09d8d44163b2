import type { KindId } from '../../../../server/src/core';

// Documents whose fate under their host's own loading code is known from the host's source
// (docs/hosts/<system>.md): `accept` = no error from us, a number = an error on that line (with
// that code, when given). Used by host-fidelity.test.ts and test/oracle/agreement.test.ts.

export type HostCase = [name: string, kind: KindId, text: string, verdict: 'accept' | number, code?: string];

export const LGC = (state: string, core = 'workspace = "rules"', services = '') =>
  `[core]\n${core}\n\n${state}[services]\n${services}`;
export const DETECTION = 'title: t\nsearch: index=main\nparameters:\n  disabled: false\n';
export const FUNCTIONS = (about: string, category: string) =>
  `{\n  "about": {${about}"trial": false, "author": {"name": "x"}, "description": {"en_US": "d"}},\n  "functions": [{"name": "echo", "example": "echo(a)", "hint": {"en_US": "h"}, "args": [], "return": {"type": "string"}, "node": {"category": "${category}"}}]\n}\n`;
export const META = (about: string, properties: string) =>
  `{\n  "about": {${about}, "author": {"name": "x"}, "description": {"en_US": "d"}},\n  "libs": [],\n  "properties": ${properties}\n}\n`;
export const PLUGINS =
  'plugins:\n  - name: p\n    enabled: true\n    url: github.com/x/p@latest\n    localPath: ./p\n    args: []\n    env:\n      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN\n      - MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872\n    checksum: ' +
  'ab'.repeat(32) +
  '\n';

/** The system a kind belongs to (its id's first part). */
export const hostOf = (kind: KindId) => kind.split('-')[0];

export const SOURCE =
  'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: v1.0.0\n  tables: [x]\n  destinations: [pg]\n';
export const DEST = 'kind: destination\nspec:\n  name: pg\n  path: cloudquery/postgresql\n  version: v1.0.0\n';
export const cq = (source: string, dest = DEST, sep = '---') => `${source}${sep}\n${dest}`;
export const withSource = (extra: string) => cq(SOURCE + extra);

export const ANKLET =
  'global_database_url: localhost\nplugins:\n  - name: RUNNER1\n    plugin: github\n    token: t\n    owner: o\n';

export const HOST_CASES: HostCase[] = [
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
  // LogCraft lgc.toml: toml 0.8 (TOML 1.0) + figment into serde structs.
  ['LogCraft: a minimal lgc.toml', 'logcraft-config', LGC(''), 'accept'],
  [
    'LogCraft: a date in a string field',
    'logcraft-config',
    LGC('', 'workspace = 2024-01-01'),
    2,
    'logcraft.wrong-type',
  ],
  ['LogCraft: "\\x41" is TOML 1.1 only', 'logcraft-config', LGC('', 'workspace = "\\x41"'), 2, 'toml.syntax'],
  ['LogCraft: \\u0041 is TOML 1.0', 'logcraft-config', LGC('', 'workspace = "\\u0041"'), 'accept'],
  [
    'LogCraft: retry_max = 2.0 into u32',
    'logcraft-config',
    LGC('[state]\ntype = "http"\naddress = "https://s"\nretry_max = 2.0\n\n'),
    7,
    'logcraft.wrong-type',
  ],
  [
    'LogCraft: an integer past i64',
    'logcraft-config',
    LGC('', 'workspace = "r"\nn = 9223372036854775808'),
    3,
    'toml.syntax',
  ],
  [
    'LogCraft: a non-kebab service id loads',
    'logcraft-config',
    LGC('', undefined, '[services.My_Splunk]\nplugin = "splunk"\nenvironment = "EU_Prod"\n'),
    'accept',
  ],
  ['LogCraft: ${file:...} unquoted is no TOML', 'logcraft-config', LGC('', 'workspace = ${file:./w}'), 2],
  // LogCraft detections: serde_yaml_ng into serde_json::Value.
  [
    'LogCraft detection: two documents',
    'logcraft-detection',
    DETECTION + '---\n' + DETECTION,
    5,
    'logcraft.detection-yaml',
  ],
  ['LogCraft detection: a trailing ---', 'logcraft-detection', DETECTION + '---\n', 5, 'logcraft.detection-yaml'],
  [
    'LogCraft detection: a custom !tag',
    'logcraft-detection',
    DETECTION.replace('title: t', 'title: !Sub t'),
    1,
    'logcraft.detection-yaml',
  ],
  [
    'LogCraft detection: a complex key',
    'logcraft-detection',
    DETECTION + '? [a, b]\n: 1\n',
    5,
    'logcraft.detection-yaml',
  ],
  ['LogCraft detection: a repeated key loads', 'logcraft-detection', DETECTION + 'title: again\n', 'accept'],
  ['LogCraft detection: yes is a string (YAML 1.2)', 'logcraft-detection', DETECTION + 'note: yes\n', 'accept'],
  // eKuiper metadata: what func_meta.go / ReadSourceMetaFile / ReadSinkMetaFile refuse.
  [
    'eKuiper: function metadata with helpUrl: null',
    'ekuiper-function-meta',
    FUNCTIONS('"helpUrl": null, ', 'function'),
    'accept',
  ],
  ['eKuiper: function metadata with node.category sink', 'ekuiper-function-meta', FUNCTIONS('', 'sink'), 'accept'],
  [
    'eKuiper: source metadata without about',
    'ekuiper-source-meta',
    '{\n  "properties": {}\n}\n',
    1,
    'ekuiper.missing-key',
  ],
  [
    'eKuiper: sink metadata with trial: "yes"',
    'ekuiper-sink-meta',
    META('"trial": "yes"', '[]'),
    2,
    'ekuiper.wrong-type',
  ],
  [
    'eKuiper: sink metadata with a repeated key',
    'ekuiper-sink-meta',
    META('"trial": true, "trial": false', '[]'),
    'accept',
  ],
  // GatewayD: formats lint does not check, durations as time.ParseDuration reads them.
  ['GatewayD: url: yes loads', 'gatewayd-plugins', PLUGINS.replace(/url: .*/, 'url: yes'), 'accept'],
  ['GatewayD: checksum: yes loads', 'gatewayd-plugins', PLUGINS.replace(/checksum: .*/, 'checksum: yes'), 'accept'],
  [
    'GatewayD: an env item - yes loads',
    'gatewayd-plugins',
    PLUGINS.replace('    env:\n', '    env:\n      - yes\n'),
    'accept',
  ],
  [
    'GatewayD: a 0x checksum is a string',
    'gatewayd-plugins',
    PLUGINS.replace(/checksum: .*/, 'checksum: 0x' + 'ab'.repeat(32)),
    'accept',
  ],
  ['GatewayD: timeout: -5s', 'gatewayd-plugins', 'timeout: -5s\n' + PLUGINS, 'accept'],
  ['GatewayD: startTimeout: +5s', 'gatewayd-plugins', 'startTimeout: +5s\n' + PLUGINS, 'accept'],
  ['GatewayD: timeout: -1', 'gatewayd-plugins', 'timeout: -1\n' + PLUGINS, 'accept'],
  ['GatewayD: timeout: 1_000 is an int', 'gatewayd-plugins', 'timeout: 1_000\n' + PLUGINS, 'accept'],
  ['GatewayD: timeout: 5x', 'gatewayd-plugins', 'timeout: 5x\n' + PLUGINS, 1],
];
