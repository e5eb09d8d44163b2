import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine } from '../analysis';
import {
  decodeManifest,
  FileCache,
  MAX_MANIFEST_BYTES,
  nodeFileAccess,
  readRegularFile,
  tooLargeReason,
  type KindId,
  type ReadOutcome,
} from '../core';
import { classifyByName, isKindId, KINDS, KIND_IDS, mayBeBinaryByName } from '../systems';
import { parseTargetFlag, TARGET_FLAGS } from '../systems/targets';
import { formatCodeQuality } from './format/codequality';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText, summary } from './format/text';
import { toReported, type FileReport } from './report';
import { UsageError, type Io } from './io';
import { VERSION } from './version';
import { describeError, walkManifests } from '../analysis';

const FORMATS = ['text', 'json', 'sarif', 'codequality'] as const;
type OutputFormat = (typeof FORMATS)[number];

export const CHECK_USAGE = `Usage: plugin-workbench check [--format text|json|sarif|codequality] [--kind <kind-id>] [--read-outside] <file-or-dir>...

Validates plugin manifests of CloudQuery, GatewayD, eKuiper, Anklet and LogCraft.
Folders are walked (node_modules, .git and dot-folders are skipped); only recognised
manifests are reported.

  --format <f>   text (default), json, sarif (code scanning) or codequality (GitLab)
  --kind <id>    treat every given file as this kind: ${KIND_IDS.join(', ')}
  --read-outside let checks read files outside the given paths and the current folder
                 (GatewayD checksums of binaries elsewhere); by default they are not read
  --target <system>=<version>
                 check project files against this host release (default: the newest
                 verified), e.g. --target ekuiper=v2.3.1; also ${TARGET_FLAGS.join(', ')}
  -h, --help     show this help

Exit codes: 0 no errors, 1 at least one error, 2 usage error or unreadable input.`;

interface CheckOptions {
  format: OutputFormat;
  kind?: KindId;
  readOutside?: boolean;
  /** Host release per system (`--target ekuiper=v2.3.1`). */
  hosts: Record<string, string>;
  targets: string[];
}

export function parseCheckArgs(args: string[]): CheckOptions | 'help' {
  const options: CheckOptions = { format: 'text', targets: [], hosts: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--format' || flag === '-f') {
      const format = value();
      if (!(FORMATS as readonly string[]).includes(format))
        throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
      options.format = format as OutputFormat;
    } else if (flag === '--kind' || flag === '-k') {
      const kind = value();
      if (!isKindId(kind)) throw new UsageError(`unknown kind "${kind}"; known kinds: ${KIND_IDS.join(', ')}`);
      options.kind = kind;
    } else if (arg === '--read-outside') options.readOutside = true;
    else if (flag === '--target' || TARGET_FLAGS.includes(flag)) {
      const parsed = parseTargetFlag(flag, value());
      if (typeof parsed === 'string') throw new UsageError(parsed);
      options.hosts[parsed[0]] = parsed[1];
    } else if (arg === '--') {
      options.targets.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else options.targets.push(arg);
  }
  if (!options.targets.length) throw new UsageError('no file or folder to check');
  return options;
}

export async function runCheck(args: string[], io: Io): Promise<number> {
  const options = parseCheckArgs(args);
  if (options === 'help') {
    io.stdout(CHECK_USAGE + '\n');
    return 0;
  }
  // Files that checks may read beyond the manifests (binaries to hash): below the paths given
  // and the current folder, unless --read-outside.
  const roots = options.readOutside
    ? [path.parse(process.cwd()).root]
    : [process.cwd(), ...options.targets.map((t) => (isDirectory(t) ? t : path.dirname(t)))].map((r) =>
        path.resolve(r),
      );
  // Every file in the order it is reported; their checks may run on worker threads.
  const plan: Array<{ file: string; explicit: boolean } | { notes: string[] }> = [];
  let unreadable = false;
  let skipped = 0;
  for (const target of options.targets) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch (error) {
      plan.push({ notes: [`cannot read ${target}: ${describeError(error)}`] });
      unreadable = true;
      continue;
    }
    const explicit = !stat.isDirectory();
    let files = [target];
    if (!explicit) {
      const walk = walkManifests(target);
      files = walk.files;
      plan.push({ notes: walk.notes });
      skipped += walk.notes.length - walk.unreadable;
      if (walk.unreadable) unreadable = true;
    }
    for (const file of files) plan.push({ file, explicit });
  }
  const jobs = plan.flatMap((step) => ('file' in step ? [step] : []));
  const settings: CheckSettings = { kind: options.kind, roots, hosts: options.hosts };
  const { results, problems } = await checkAll(jobs, settings);
  const reports: FileReport[] = [];
  let next = 0;
  for (const step of plan) {
    if (!('file' in step)) {
      for (const note of step.notes) io.stderr(`plugin-workbench: ${note}\n`);
      continue;
    }
    const result = results[next++];
    if (result.report) reports.push(result.report);
    if (result.note) io.stderr(`plugin-workbench: ${result.note}\n`);
    if (result.problem) {
      io.stderr(`plugin-workbench: ${result.problem}\n`);
      if (step.explicit) unreadable = true;
      else skipped++;
    }
  }
  for (const problem of problems) io.stderr(`plugin-workbench: ${problem}\n`);
  if (options.format === 'json') io.stdout(formatJson(reports));
  else if (options.format === 'sarif') io.stdout(formatSarif(reports, VERSION));
  else if (options.format === 'codequality') io.stdout(formatCodeQuality(reports));
  else {
    io.stdout(formatText(reports));
    io.stderr(summary(reports) + '\n');
  }
  if (skipped) io.stderr(`plugin-workbench: ${skipped} file${skipped === 1 ? '' : 's'} skipped (see above)\n`);
  if (unreadable) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

interface CheckSettings {
  kind?: KindId;
  roots: string[];
  hosts: Record<string, string>;
}

type CheckResult = { report?: FileReport; problem?: string; note?: string };

/** A run's engine, and the reads its file checks share with it. */
interface Checker {
  engine: Engine;
  reads: RunReads;
}

function checkerFor(settings: CheckSettings): Checker {
  // One run sees one state of the disk: every file and folder index is read once.
  const reads = new RunReads();
  const base = nodeFileAccess({ roots: settings.roots });
  base.readText = (file) => {
    const read = reads.read(path.resolve(file));
    return 'bytes' in read ? read.bytes.toString('utf8') : undefined;
  };
  // Three values per manifest (its text, kind, and what a folder index reads of it): 8,000 in one
  // folder would overflow the editor's 20,000 and be read and recognised again. Contents stay
  // bounded by bytes (maxBytes).
  const files = new FileCache(base, { mode: 'snapshot', maxEntries: 100_000 });
  const engine = new Engine({ files, targets: settings.hosts });
  return { engine, reads };
}

/** What RunReads keeps at most, in bytes; past it a file is read again by its second reader. */
const RUN_READS_BUDGET = 32 * 1024 * 1024;

/**
 * One read of a file per run: the check of a file and the engine's file cache (which reads the
 * same file to recognise it, and as a sibling for a folder index) share its bytes, as one state of
 * the disk. A read is kept until its second reader takes it, within a byte budget.
 */
class RunReads {
  private readonly kept = new Map<string, ReadOutcome>();
  private bytes = 0;

  /** `absolute`: resolved (as the engine's file cache names files). */
  read(absolute: string): ReadOutcome {
    const known = this.kept.get(absolute);
    if (known) {
      this.kept.delete(absolute);
      this.bytes -= sizeOf(known);
      return known;
    }
    const read = readRegularFile(absolute, MAX_MANIFEST_BYTES);
    if (this.bytes + sizeOf(read) <= RUN_READS_BUDGET) {
      this.kept.set(absolute, read);
      this.bytes += sizeOf(read);
    }
    return read;
  }
}

const sizeOf = (read: ReadOutcome): number => ('bytes' in read ? read.bytes.length : 0);

/** Below this many files one thread checks them all: starting workers costs more than it saves. */
const FILES_PER_WORKER = 250;
const MAX_WORKERS = 8;

/**
 * Checks the files in order and returns one result per file, in the same order. On a machine with
 * three or more free cores (available parallelism less the load average) and enough files,
 * contiguous runs of the list go to worker threads (a folder's files stay together, so each worker
 * builds a folder's index once); the output is the same.
 */
async function checkAll(
  jobs: Array<{ file: string; explicit: boolean }>,
  settings: CheckSettings,
): Promise<{ results: CheckResult[]; problems: string[] }> {
  // Cores other processes keep busy do not count: on a saturated machine threads only compete.
  // One free core stays with the main thread and the collector: on 2 cores, 2 workers were never
  // faster than one thread (2,000 manifests: 2.5-3.0 s against 1.6-2.8 s), each compiling the
  // schemas and reading shared folders again.
  const freeCores = Math.floor(os.availableParallelism() - os.loadavg()[0] + 0.5) - 1;
  // PLUGIN_WORKBENCH_WORKERS: how many threads, whatever the machine (0 or 1: none; tests use it).
  const forced = process.env.PLUGIN_WORKBENCH_WORKERS;
  const workers = forced
    ? Math.min(Number(forced) || 0, jobs.length)
    : Math.min(MAX_WORKERS, freeCores, Math.floor(jobs.length / FILES_PER_WORKER));
  if (workers < 2) {
    const checker = checkerFor(settings);
    const results: CheckResult[] = [];
    for (const job of jobs) results.push(await checkFile(checker, job.file, settings.kind, job.explicit));
    return { results, problems: checker.engine.schemas.problems };
  }
  const size = Math.ceil(jobs.length / workers);
  const chunks = Array.from({ length: workers }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  const answers = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<{ results: CheckResult[]; problems: string[] }>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: { pluginWorkbenchCheck: { jobs: chunk, settings } } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`a check worker stopped (exit code ${code})`)));
        }),
    ),
  );
  return {
    results: answers.flatMap((a) => a.results),
    problems: [...new Set(answers.flatMap((a) => a.problems))],
  };
}

/** A worker thread's part: its files, checked in order, answered in one message. */
async function runWorker(work: { jobs: Array<{ file: string; explicit: boolean }>; settings: CheckSettings }) {
  const checker = checkerFor(work.settings);
  const results: CheckResult[] = [];
  for (const job of work.jobs) results.push(await checkFile(checker, job.file, work.settings.kind, job.explicit));
  parentPort!.postMessage({ results, problems: checker.engine.schemas.problems });
}

if (!isMainThread && (workerData as { pluginWorkbenchCheck?: unknown } | null)?.pluginWorkbenchCheck) {
  void runWorker((workerData as { pluginWorkbenchCheck: Parameters<typeof runWorker>[0] }).pluginWorkbenchCheck);
}

async function checkFile(
  { engine, reads }: Checker,
  file: string,
  kind: KindId | undefined,
  explicit: boolean,
): Promise<CheckResult> {
  // Type and size first, on the open handle: a FIFO, /dev/zero or a 10 GB file is never read.
  // A binary kind (a plugin zip) is recognised by its name and members and read as bytes by its rules.
  // Binary kinds are recognised by name and place only: no sniff of an empty text, no neighbours.
  const absolute = path.resolve(file);
  const asBinary =
    kind !== undefined || mayBeBinaryByName(absolute)
      ? classifyByName({ path: absolute, text: '', forcedKind: kind, files: engine.files })
      : {};
  if (asBinary.kind && KINDS[asBinary.kind].format === 'binary') {
    const analysis = await engine.analyze({ path: absolute, text: '', forcedKind: asBinary.kind });
    return { report: { path: file, kind: asBinary.kind, diagnostics: toReported('', analysis.diagnostics) } };
  }
  const read = reads.read(absolute);
  if ('refused' in read) {
    if (read.refused === 'not-a-file')
      return { problem: `skipped ${file}: not a regular file (a device, FIFO or socket); not read` };
    if (read.refused === 'too-large')
      return { problem: `skipped ${file}: ${tooLargeReason(read.size ?? MAX_MANIFEST_BYTES + 1)}` };
    return { problem: `cannot read ${file}: ${describeError(read)}` };
  }
  const decoded = decodeManifest(read.bytes);
  if ('skip' in decoded) return { problem: `skipped ${file}: ${decoded.skip}` };
  const analysis = await engine.analyze({ path: absolute, text: decoded.text, forcedKind: kind });
  if (!analysis.kind) {
    return explicit
      ? { note: `${file} is not a recognised plugin manifest; nothing checked (use --kind <kind-id> to force one)` }
      : {};
  }
  return { report: { path: file, kind: analysis.kind, diagnostics: toReported(decoded.text, analysis.diagnostics) } };
}

function isDirectory(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}
