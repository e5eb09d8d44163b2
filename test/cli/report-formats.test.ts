import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeTree } from '../helpers/engine';
import { assertValidSarif } from '../helpers/sarif';

const BROKEN_PLUGINS =
  'plugins:\n  - name: cache\n    localPath: ./cache\n    checksum: abc\n  - name: cache\n    checksum: abc\n';
const BROKEN_SPEC =
  'kind: source\nspec:\n  name: aws\n  path: cloudquery/aws\n  version: 1.0.0\n  tables: ["*"]\n  destinations: [postgresql]\n';

function tree() {
  return makeTree({ 'deploy dir/gatewayd_plugins.yaml': BROKEN_PLUGINS, 'sync #1/spec.yml': BROKEN_SPEC });
}

test('sarif: valid SARIF 2.1.0 (schema), relative URIs percent-encoded without ./, columns in UTF-16 units', () => {
  const dir = tree();
  const result = runCli(['check', '--format', 'sarif', '.'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const log = assertValidSarif(result.stdout);
  const run = log.runs[0] as (typeof log.runs)[0] & { columnKind: string };
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const uris = new Set(run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
  assert.deepEqual([...uris].sort(), ['deploy%20dir/gatewayd_plugins.yaml', 'sync%20%231/spec.yml']);
  // Every result's rule is listed in the driver.
  const rules = new Set(run.tool.driver.rules.map((r) => r.id));
  for (const r of run.results) assert.ok(rules.has(r.ruleId), r.ruleId);
});

test('the SARIF schema check itself rejects a log that breaks SARIF 2.1.0', () => {
  const log = JSON.parse(runCli(['check', '--format', 'sarif', '.'], { cwd: tree() }).stdout);
  log.runs[0].results[0].level = 'fatal';
  assert.throws(() => assertValidSarif(JSON.stringify(log)), /not valid SARIF/);
  delete log.runs[0].results[0].level;
  delete log.runs[0].results[0].message;
  assert.throws(() => assertValidSarif(JSON.stringify(log)), /not valid SARIF/);
});

test('sarif: an absolute path becomes a file:// URI', () => {
  const dir = tree();
  const file = path.join(dir, 'deploy dir', 'gatewayd_plugins.yaml');
  const log = assertValidSarif(runCli(['check', '--format', 'sarif', file]).stdout);
  const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.equal(uri, new URL(`file://${file}`).href);
});

test('sarif: no manifests gives a valid log with no results', () => {
  const dir = makeTree({ 'docker-compose.yml': 'services: {}\n' });
  const result = runCli(['check', '--format', 'sarif', dir]);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(assertValidSarif(result.stdout).runs[0].results, []);
});

interface CodeQualityIssue {
  type: string;
  check_name: string;
  description: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

test("codequality: GitLab issues with the JSON report's codes, lines and severities, unique fingerprints", () => {
  const dir = tree();
  const result = runCli(['check', '--format', 'codequality', '.'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const issues = JSON.parse(result.stdout) as CodeQualityIssue[];
  const json = JSON.parse(runCli(['check', '--format', 'json', '.'], { cwd: dir }).stdout) as {
    files: Array<{
      path: string;
      diagnostics: Array<{ line: number; endLine: number; code: string; severity: string; message: string }>;
    }>;
  };
  const expected = json.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      path: f.path.replace(/^\.\//, ''),
      begin: d.line,
      end: d.endLine,
      code: d.code,
      severity: { error: 'major', warning: 'minor', information: 'info', hint: 'info' }[d.severity],
      message: d.message,
    })),
  );
  assert.ok(expected.length >= 4, JSON.stringify(expected));
  assert.deepEqual(
    issues.map((i) => ({
      path: i.location.path,
      begin: i.location.lines.begin,
      end: i.location.lines.end,
      code: i.check_name,
      severity: i.severity,
      message: i.description,
    })),
    expected,
  );
  for (const issue of issues) {
    assert.equal(issue.type, 'issue');
    assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
  }
  // The duplicated checksum mistake appears twice with the same message: still two fingerprints.
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  assert.ok(issues.some((i) => i.location.path === 'deploy dir/gatewayd_plugins.yaml'));
});

test('codequality: fingerprints survive lines moving above the issue', () => {
  const before = makeTree({ 'gatewayd_plugins.yaml': BROKEN_PLUGINS });
  const after = makeTree({ 'gatewayd_plugins.yaml': '# a new comment line\n\n' + BROKEN_PLUGINS });
  const run = (cwd: string) =>
    JSON.parse(
      runCli(['check', '--format', 'codequality', 'gatewayd_plugins.yaml'], { cwd }).stdout,
    ) as CodeQualityIssue[];
  const [a, b] = [run(before), run(after)];
  assert.ok(a.length > 0);
  assert.deepEqual(
    b.map((i) => i.fingerprint),
    a.map((i) => i.fingerprint),
  );
  assert.deepEqual(
    b.map((i) => i.location.lines.begin),
    a.map((i) => i.location.lines.begin + 2),
  );
});
