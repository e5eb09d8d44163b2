import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../helpers/engine';
import { runCli } from '../helpers/cli';
import { HOST_CASES, hostOf, type HostCase } from '../unit/systems/hosts/cases';
import { CORPUS, readSources, rebuildContexts } from '../corpus/sources';

// Agreement with the hosts, per host, printed as a table (`npm run agreement`):
// - tricky documents: test/unit/systems/hosts/cases.ts, each with the verdict its host's loading
//   code gives (accept = no error from us; reject = an error on the line the host names);
// - the shared corpus: every `valid` file without an error, every `invalid` file with one
//   (SOURCES.tsv; each in its host context, as `check --format json --kind <kind>`).
// The typing of single values against the real Go YAML libraries is test/oracle/yaml-oracle.

interface Tally {
  agree: number;
  total: number;
  misses: string[];
}
const tally = () => ({ agree: 0, total: 0, misses: [] as string[] });

async function agrees([, kind, text, verdict, code]: HostCase): Promise<boolean> {
  const errors = (await checkText(kind, text)).diagnostics.filter((d) => d.severity === 'error');
  if (verdict === 'accept') return errors.length === 0;
  return errors.some((d) => d.line === verdict && (!code || d.code === code));
}

function corpusTallies(): Map<string, Tally> {
  const byHost = new Map<string, Tally>();
  if (!fs.existsSync(path.join(CORPUS, 'SOURCES.tsv'))) return byHost;
  const entries = readSources().filter((e) => e.expect === 'valid' || e.expect === 'invalid');
  // Each file where its host had it (its folder or zip), as corpus.test.ts checks it.
  const placed = rebuildContexts(entries);
  for (const kind of new Set(entries.map((e) => e.kind))) {
    const list = entries.filter((e) => e.kind === kind);
    const run = runCli(['check', '--format', 'json', '--kind', kind, ...list.map((e) => placed.get(e.file)!)], {
      timeoutMs: 300_000,
    });
    if (run.status !== 0 && run.status !== 1) continue; // a kind this build does not know
    const report = JSON.parse(run.stdout) as {
      files: Array<{ path: string; diagnostics: Array<{ severity: string }> }>;
    };
    const errorsOf = new Map(report.files.map((f) => [f.path, f.diagnostics.filter((d) => d.severity === 'error')]));
    for (const entry of list) {
      const t = byHost.get(hostOf(kind)) ?? tally();
      byHost.set(hostOf(kind), t);
      const errors = errorsOf.get(placed.get(entry.file)!) ?? [];
      const ok = entry.expect === 'valid' ? errors.length === 0 : errors.length > 0;
      t.total++;
      if (ok) t.agree++;
      else t.misses.push(`${entry.file} (${entry.expect})`);
    }
  }
  return byHost;
}

const percent = (t: Tally) => (t.total ? ((100 * t.agree) / t.total).toFixed(1) : '-');

test('agreement with the hosts, per host: tricky documents and the corpus', async () => {
  const tricky = new Map<string, Tally>();
  for (const c of HOST_CASES) {
    const t = tricky.get(hostOf(c[1])) ?? tally();
    tricky.set(hostOf(c[1]), t);
    t.total++;
    if (await agrees(c)) t.agree++;
    else t.misses.push(c[0]);
  }
  const corpus = corpusTallies();
  const hosts = [...new Set([...tricky.keys(), ...corpus.keys()])].sort();
  const lines = ['host        tricky documents     corpus (valid/invalid)'];
  for (const host of hosts) {
    const a = tricky.get(host) ?? tally();
    const b = corpus.get(host) ?? tally();
    lines.push(
      `${host.padEnd(12)}${`${a.agree}/${a.total} (${percent(a)}%)`.padEnd(21)}${b.agree}/${b.total} (${percent(b)}%)`,
    );
  }
  console.log(lines.join('\n'));
  const misses = [...tricky.values(), ...corpus.values()].flatMap((t) => t.misses);
  assert.deepEqual(misses, [], 'every tricky document and corpus file as its host judges it');
});
