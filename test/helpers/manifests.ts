// Small manifests for the CI integration tests (action, pre-commit): one with errors, one with only
// a warning, one clean. Each is checked by the CLI itself in the tests that use them.

export const WITH_ERRORS = {
  'gatewayd_plugins.yaml':
    // checksum is well-formed: a malformed one is only a warning (plugin start-up skips it, lint does not).
    'defaultPolicy: passthru\nplugins:\n  - name: cache\n    localPath: ./cache\n    checksum: abababababababababababababababababababababababababababababababab\n',
};

const SPECS = (sourceSpec: string) =>
  [
    'kind: source',
    'spec:',
    '  name: aws',
    '  path: cloudquery/aws',
    '  version: v22.0.0',
    '  tables: ["aws_s3_buckets"]',
    '  destinations: [postgresql]',
    `  spec: ${sourceSpec}`,
    '---',
    'kind: destination',
    'spec:',
    '  name: postgresql',
    '  path: cloudquery/postgresql',
    '  version: v8.0.0',
    '',
  ].join('\n');

/** A CloudQuery spec whose plugin spec has a camelCase parameter: a warning, no error. */
export const WITH_WARNING = { 'sync.yml': SPECS('{ apiKey: x }') };

export const CLEAN = { 'sync.yml': SPECS('{ api_key: x }') };
