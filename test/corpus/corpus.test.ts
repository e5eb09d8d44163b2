import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KIND_IDS } from '../../server/src/systems';
import { runCli } from '../helpers/cli';
import { CORPUS, readSources, rebuildContexts, type Entry } from './sources';

// Real manifests from the five systems' repositories, kept outside this repository. CI always has
// them beside the checkout and must fail without them; a clone elsewhere says that it skipped.
const available = fs.existsSync(path.join(CORPUS, 'SOURCES.tsv'));
if (!available && process.env.CI) throw new Error(`The corpus is missing at ${CORPUS}; CI needs it.`);
if (!available) console.log(`# SKIPPED: corpus tests, no corpus at ${CORPUS}`);

/** Why each host rejects its expect=invalid files: the code we must report for it. */
const HOST_REASONS: Record<string, string> = {
  'cloudquery/specs-gcpv2.yml': 'cloudquery.unknown-destination',
  'cloudquery/specs-sync_group_id_default.yml': 'cloudquery.sync-group-id',
  'cloudquery/specs-sync_group_id_overwrite_delete_stale.yml': 'cloudquery.sync-group-id',
  'cloudquery/specs-time_substitution_with_error.yml': 'cloudquery.time-placeholder',
  'cloudquery/cmd-sync-missing-path-error.yml': 'cloudquery.missing-key',
  'gatewayd/gatewayd-HEAD-config-testdata-missing_keys.yaml': 'gatewayd.logger-group',
  'ekuiper/zip-portables-wrong.json': 'ekuiper.missing-executable',
  'anklet/HEAD-cli-test-empty.yml': 'anklet.empty-config',
  'anklet/HEAD-cli-test-no-db.yml': 'anklet.no-database',
  'anklet/old-c00c137f-cli-test-no-db.yml': 'anklet.no-database',
  'anklet/old-ef16adee-cli-test-no-db.yml': 'anklet.no-database',
  'anklet/old-10708069-cli-test-no-db.yml': 'anklet.no-database',
  'anklet/HEAD-cli-test-no-plugin-name.yml': 'anklet.missing-key',
  'anklet/old-c00c137f-cli-test-no-plugin-name.yml': 'anklet.missing-key',
  'anklet/old-ef16adee-cli-test-no-plugin-name.yml': 'anklet.missing-key',
  'anklet/old-10708069-cli-test-no-plugin-name.yml': 'anklet.missing-key',
  'anklet/HEAD-cli-test-non-existent-plugin.yml': 'anklet.unknown-plugin',
  'anklet/old-c00c137f-cli-test-non-existent-plugin.yml': 'anklet.unknown-plugin',
  'anklet/old-ef16adee-cli-test-non-existent-plugin.yml': 'anklet.unknown-plugin',
  'anklet/old-10708069-cli-test-non-existent-plugin.yml': 'anklet.unknown-plugin',
};

interface Diagnostic {
  severity: string;
  code: string;
  line: number;
  message: string;
}

/** Checks files of one kind in one CLI process, as `check --format json --kind <kind>`. */
function checkAs(kind: string | undefined, files: string[]): Map<string, Diagnostic[]> {
  const args = ['check', '--format', 'json', ...(kind ? ['--kind', kind] : []), ...files];
  const result = runCli(args, { timeoutMs: 300_000 });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status} for ${kind}: ${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error|rule-failed/);
  const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Diagnostic[] }> };
  return new Map(report.files.map((f) => [f.path, f.diagnostics]));
}

const entries = available ? readSources() : [];
const ours = (e: Entry) => (KIND_IDS as readonly string[]).includes(e.kind);
const inCorpus = (file: string) => path.join(CORPUS, file);
const rebuilt = available ? rebuildContexts(entries) : new Map<string, string>();

for (const kind of KIND_IDS) {
  const judged = entries.filter((e) => e.kind === kind && (e.expect === 'valid' || e.expect === 'invalid'));
  if (!judged.length) continue;
  test(
    `corpus ${kind}: in their host context, valid files have no error and invalid files their host's reason`,
    { skip: !available },
    () => {
      const results = checkAs(
        kind,
        judged.map((e) => rebuilt.get(e.file)!),
      );
      for (const entry of judged) {
        const errors = (results.get(rebuilt.get(entry.file)!) ?? []).filter((d) => d.severity === 'error');
        if (entry.expect === 'valid') {
          assert.deepEqual(
            errors.map((d) => `${d.code}@${d.line}: ${d.message}`),
            [],
            `${entry.file} is valid for its host`,
          );
        } else {
          assert.ok(errors.length > 0, `${entry.file} must have an error: ${entry.note}`);
          const reason = HOST_REASONS[entry.file];
          assert.ok(reason, `add the host's reason for ${entry.file} to HOST_REASONS`);
          assert.ok(
            errors.some((d) => d.code === reason),
            `${entry.file}: expected ${reason}, got ${errors.map((d) => d.code).join(', ')}`,
          );
        }
      }
    },
  );
}

test(
  'corpus valid files checked in place, all side by side in the corpus folders, have no error',
  { skip: !available },
  () => {
    for (const kind of KIND_IDS) {
      const valid = entries.filter((e) => e.kind === kind && e.expect === 'valid');
      if (!valid.length) continue;
      const results = checkAs(
        kind,
        valid.map((e) => inCorpus(e.file)),
      );
      for (const entry of valid) {
        const errors = (results.get(inCorpus(entry.file)) ?? []).filter((d) => d.severity === 'error');
        assert.deepEqual(
          errors.map((d) => `${d.code}@${d.line}: ${d.message}`),
          [],
          `${entry.file} is valid for its host`,
        );
      }
    }
  },
);

test(
  'corpus files of other kinds (WIT, package JSON, policies) are not ours: no diagnostics',
  { skip: !available },
  () => {
    const others = entries.filter((e) => !ours(e) && e.expect === 'valid');
    const results = checkAs(
      undefined,
      others.map((e) => inCorpus(e.file)),
    );
    for (const [file, diagnostics] of results) {
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 'error'),
        [],
        `${file} must not be claimed with errors`,
      );
    }
  },
);

test('no corpus file crashes anything, with or without its kind', { skip: !available, timeout: 600_000 }, () => {
  for (const kind of KIND_IDS) {
    const files = entries.filter((e) => e.kind === kind).map((e) => e.file);
    if (files.length) checkAs(kind, files.map(inCorpus));
  }
  checkAs(
    undefined,
    entries.map((e) => inCorpus(e.file)),
  );
  checkAs(undefined, [CORPUS]);
});

test(
  'corpus logcraft-policy: found by place in .logcraft/policies; current examples clean, reference pages and constraints: refused',
  { skip: !available },
  () => {
    const policies = entries.filter((e) => e.kind === 'logcraft-policy');
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-policies-'));
    fs.writeFileSync(path.join(project, 'lgc.toml'), '[core]\nworkspace = "rules"\n');
    const folder = path.join(project, '.logcraft', 'policies', 'splunk');
    fs.mkdirSync(folder, { recursive: true });
    for (const entry of policies) fs.copyFileSync(inCorpus(entry.file), path.join(folder, path.basename(entry.file)));
    // The folder walk enters .logcraft: every policy is recognised without --kind.
    const results = checkAs(undefined, [project]);
    const byName = new Map([...results].map(([file, diagnostics]) => [path.basename(file), diagnostics]));
    for (const entry of policies) {
      const diagnostics = byName.get(path.basename(entry.file));
      assert.ok(diagnostics, `${entry.file} is recognised as a policy by its place`);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (/format-reference/.test(entry.file))
        assert.ok(errors.length > 0, `${entry.file} is a pseudo-schema, not a policy lgc reads`);
      else if (/-old\.yaml$/.test(entry.file))
        assert.ok(
          errors.some((d) => d.code === 'logcraft.policy-constraints'),
          `${entry.file}: lgc 1.1 reads validations:`,
        );
      else
        assert.deepEqual(
          errors.map((d) => `${d.code}@${d.line}: ${d.message}`),
          [],
          `${entry.file} is a valid policy`,
        );
    }
  },
);
