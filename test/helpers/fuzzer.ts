import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isKindId } from '../../server/src/systems';
import type { KindId } from '../../server/src/core';
import { complete, hover, outline } from '../../server/src/features';
import { REPO_ROOT } from './engine';
import { Workbench } from './features';

// A seeded mutation fuzzer for issue #12: documents from the fixtures and the corpus, mutated the
// ways real editing and hostile files break them, run in-process through the engine and the
// editor features (the real request handlers, on a recording stand-in for the LSP connection).

export const CORPUS = process.env.PLUGIN_WORKBENCH_CORPUS ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
const EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.toml']);
/** CPU time one document may take through the engine and all features. */
export const MAX_MS_PER_DOCUMENT = 1000;

export interface Seed {
  file: string;
  text: string;
  /** The kind a fixture states (`# kind: <id>`, `<case>.<kind>.json`); corpus files are recognised by name. */
  kind?: KindId;
}

function statedKind(file: string, text: string): KindId | undefined {
  const fromName = path.basename(file).split('.').find(isKindId);
  const fromHeader = /^#\s*kind:\s*(\S+)/m.exec(text)?.[1];
  if (fromName) return fromName;
  if (fromHeader && isKindId(fromHeader)) return fromHeader;
  return path.basename(path.dirname(file)) === 'cloudquery' ? 'cloudquery-spec' : undefined;
}

export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (
        entry.isFile() &&
        EXTENSIONS.has(path.extname(entry.name).toLowerCase()) &&
        fs.statSync(full).size < 200_000
      ) {
        const text = fs.readFileSync(full, 'utf8');
        seeds.push({ file: full, text, kind: full.startsWith(FIXTURES) ? statedKind(full, text) : undefined });
      }
    }
  };
  visit(FIXTURES);
  visit(CORPUS);
  return seeds;
}

/** mulberry32: small, seedable, the same sequence everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const at = (rand: Rand, text: string) => Math.floor(rand() * (text.length + 1));
const splice = (text: string, offset: number, remove: number, insert: string) =>
  text.slice(0, offset) + insert + text.slice(offset + remove);
const lines = (text: string) => text.split('\n');

const MUTATIONS: Record<string, (text: string, rand: Rand) => string> = {
  flip: (t, r) =>
    splice(
      t,
      at(r, t),
      1,
      pick(r, [
        ':',
        '-',
        ' ',
        '\t',
        '{',
        '}',
        '[',
        ']',
        '"',
        "'",
        ',',
        '#',
        '&',
        '*',
        '!',
        '|',
        '>',
        '=',
        '.',
        '\u0000',
        '\u2028',
        '\r',
        '\\',
        'é',
        '😀',
      ]),
    ),
  deleteLine: (t, r) => {
    const l = lines(t);
    l.splice(Math.floor(r() * l.length), 1);
    return l.join('\n');
  },
  duplicateLine: (t, r) => {
    const l = lines(t);
    const i = Math.floor(r() * l.length);
    l.splice(i, 0, l[i]);
    return l.join('\n');
  },
  indent: (t, r) => {
    const l = lines(t);
    const i = Math.floor(r() * l.length);
    l[i] = r() < 0.5 ? ' '.repeat(1 + Math.floor(r() * 4)) + l[i] : l[i].replace(/^ {1,2}/, '');
    return l.join('\n');
  },
  truncate: (t, r) => {
    const points = [...t.matchAll(/[:{[,=\n]/g)].map((m) => (m.index ?? 0) + 1);
    return t.slice(0, points.length ? pick(r, points) : at(r, t));
  },
  anchorAlias: (t, r) => {
    const l = lines(t);
    const i = Math.floor(r() * l.length);
    l[i] = l[i].replace(/:(\s|$)/, ': &a$1');
    l.splice(Math.floor(r() * l.length), 0, pick(r, ['x: *a', '  <<: *a', '- *a', 'y: *a', 'z: &a\n  b: *a']));
    return l.join('\n');
  },
  yamlOddities: (t, r) =>
    splice(
      t,
      at(r, t),
      0,
      pick(r, [
        '!!binary ',
        '!custom ',
        '? [a, b]\n: c\n',
        '{<<: 1}: x\n',
        '\t',
        '<<: [*a, *b]\n',
        '--- \n',
        '...\n',
        '"\\u',
      ]),
    ),
  deepNesting: (t, r) =>
    splice(t, at(r, t), 0, pick(r, ['[', '{', '{"a":', 'a:\n  ']).repeat(1 + Math.floor(r() * 1500))),
  jsonOddities: (t, r) =>
    splice(t, at(r, t), 0, pick(r, [',', ', }', '// c\n', '/* c */', '"name": 1, "name": 2,', ',]'])),
  tomlOddities: (t, r) =>
    splice(
      t,
      at(r, t),
      0,
      pick(r, ['\n[core]\n', '\n[[rules]]\n', 'a.b.c = 1\n', '"" = 1\n', 'a = { b.c = 1 }\n', '[a.b]\n[a]\nb = 1\n']),
    ),
  lineEndings: (t, r) => (r() < 0.5 ? t.replace(/\n/g, '\r\n') : t.replace(/\n/g, pick(r, ['\r', '\u2028', '\r\r\n']))),
  repeat: (t, r) => {
    const l = lines(t);
    const i = Math.floor(r() * l.length);
    // Wide, but within what one document may cost: up to ~60 KB more.
    const times = Math.min(200 + Math.floor(r() * 2000), Math.floor(60_000 / (l[i].length + 1)));
    for (let n = 0; n < times; n++) l.splice(i, 0, l[i]);
    return l.join('\n');
  },
};
const NAMES = Object.keys(MUTATIONS);

/** Document number `index` of the run with `seed`: the same (seed, index) always gives the same text. */
export function mutant(
  seeds: Seed[],
  seed: number,
  index: number,
): { seed: Seed; text: string; steps: string[]; rand: Rand } {
  const rand = random(seed * 1_000_003 + index);
  const base = pick(rand, seeds);
  let text = base.text;
  const steps: string[] = [];
  const count = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) {
    const name = pick(rand, NAMES);
    steps.push(name);
    text = MUTATIONS[name](text, rand);
  }
  return { seed: base, text, steps, rand };
}

/**
 * Runs `check` on `perSeed` texts per seed, each with 1 to 3 of its lines rewritten by `edits` (chosen
 * with `seed`): for the line scans, whose refusals sit at single lines. `check` asserts, and says
 * whether the scan answered; the counts tell a test whether the comparison saw enough answers.
 */
export function checkLineMutants(
  seeds: Seed[],
  edits: ReadonlyArray<(line: string) => string>,
  perSeed: number,
  seed: number,
  check: (text: string, where: string) => boolean,
): { answered: number; runs: number } {
  const rand = random(seed);
  let answered = 0;
  let runs = 0;
  for (const base of seeds) {
    for (let n = 0; n < perSeed; n++) {
      const lines = base.text.split('\n');
      const count = 1 + Math.floor(rand() * 3);
      for (let e = 0; e < count; e++) {
        const at = Math.floor(rand() * lines.length);
        lines[at] = edits[Math.floor(rand() * edits.length)](lines[at]);
      }
      const text = lines.join('\n');
      runs++;
      if (check(text, `${base.file}, mutation ${n}:\n${text}`)) answered++;
    }
  }
  return { answered, runs };
}

/**
 * Line edits at what the line scans of the plain block shape decide on (a sniff, the plain block
 * reader): indentation, values and their types, keys, lists, markers.
 */
export const PLAIN_SHAPE_EDITS: ReadonlyArray<(line: string) => string> = [
  (line) => ' ' + line,
  (line) => '  ' + line,
  (line) => line.replace(/^ +/, ''),
  (line) => line.replace(/: (\S+)/, ': "$1"'),
  (line) => line.replace(/: (\S+)/, ": '$1'"),
  (line) => line.replace(/: (\S+)/, ': "$1'),
  (line) => line.replace(/: (\S+)/, ': "a\\"b"'),
  (line) => line.replace(/: (\S+)/, ": 'it''s'"),
  (line) => line.replace(/: (\S+)/, ': $1 # note'),
  (line) => line.replace(/: (\S+)/, ': $1#note'),
  (line) => line.replace(/: (\S+)/, ': &a $1'),
  (line) => line.replace(/: (\S+)/, ': *a'),
  (line) => line.replace(/: (\S+)/, ': !!str $1'),
  (line) => line.replace(/: (\S+)/, ': yes'),
  (line) => line.replace(/: (\S+)/, ': ~'),
  (line) => line.replace(/: (\S+)/, ': True'),
  (line) => line.replace(/: (\S+)/, ': 12'),
  (line) => line.replace(/: (\S+)/, ': -12.5e3'),
  (line) => line.replace(/: (\S+)/, ': 0x1F'),
  (line) => line.replace(/: (\S+)/, ': 0o17'),
  (line) => line.replace(/: (\S+)/, ': .inf'),
  (line) => line.replace(/: (\S+)/, ': 1.2.3'),
  (line) => line.replace(/: (\S+)/, ': 99999999999999999999'),
  (line) => line.replace(/: (\S+)/, ': ,x'),
  (line) => line.replace(/: (\S+)/, ': - x'),
  (line) => line.replace(/: (\S+)/, ': -'),
  (line) => line.replace(/: (\S+)/, ': $1: x'),
  (line) => line.replace(/: (\S+)/, ': [$1'),
  (line) => line.replace(/: (\S+)/, ': [$1]'),
  (line) => line.replace(/: (\S+)/, ': {a: $1}'),
  (line) => line.replace(/: (\S+)/, ': |'),
  (line) => line.replace(/: (\S+)/, ': >-'),
  (line) => line.replace(/: (\S+)/, ': |4'),
  (line) => line.replace(/: (\S+)/, ':'),
  (line) => line.replace(/: (\S+)/, ':$1'),
  (line) => line.replace(/^(\s*)(\w+):/, '$1null:'),
  (line) => line.replace(/^(\s*)(\w+):/, '$1true:'),
  (line) => line.replace(/^(\s*)(\w+):/, '$1"$2":'),
  (line) => line.replace(/^(\s*)(\w+):/, '$1<<:'),
  (line) => line.replace(/^(\s*)(\w+):/, '$1? $2\n$1:'),
  (line) => line + '\n' + line,
  (line) => line + '\n    continued',
  (line) => line + '\n  continued',
  (line) => line + '\n  key: value',
  (line) => line + '\n  - item',
  (line) => line + '\n- item',
  (line) => line + '\n  -',
  (line) => line + '\n    key: value',
  (line) => line + '\n---',
  (line) => line + '\n--- # next',
  (line) => '---\n' + line,
  (line) => line + '\n...',
  (line) => '%YAML 1.2\n---\n' + line,
  (line) => line.replace(/^(\s*)/, '$1- '),
  (line) => line.replace(/^(\s*)/, '$1-'),
  (line) => line.replace(/^(\s*)/, '$1\t'),
  (line) => line + '\r',
  (line) => line.replace(/: (\S+)/, ': ${NAME}'),
  (line) => '# ' + line,
  () => '',
  () => '---',
];

/** How many of `count` seeded mutants of `seeds` `check` answered for (it asserts on each). */
export function answeredOnMutants(
  seeds: Seed[],
  seed: number,
  count: number,
  check: (text: string, where: string) => boolean,
): number {
  let answered = 0;
  for (let i = 0; i < count; i++) {
    const { seed: base, text, steps } = mutant(seeds, seed, i);
    if (check(text, `${base.file} after ${steps.join(', ')} (seed ${seed}, #${i})`)) answered++;
  }
  return answered;
}

/** The real features in-process (test/helpers/features.ts), with the fixtures' stated kinds as associations. */
export class InProcessServer {
  readonly workbench: Workbench;

  constructor(seeds: Seed[]) {
    const associations: Record<string, KindId> = {};
    for (const seed of seeds) if (seed.kind) associations[seed.file.split(path.sep).join('/')] = seed.kind;
    this.workbench = new Workbench({ associations });
  }
}

export interface Problem {
  what: string;
  detail: string;
}

interface Position {
  line: number;
  character: number;
}

/** Every range in a result (any depth) lies inside the document, start before end. */
export function badRanges(value: unknown, document: TextDocument, where: string, problems: Problem[]): void {
  const inside = (p: Position) => {
    if (!p || typeof p.line !== 'number' || p.line < 0 || p.line >= document.lineCount || p.character < 0) return false;
    const lineText = document
      .getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } })
      .replace(/\r?\n$|\r$/, '');
    return p.character <= lineText.length;
  };
  const visit = (node: unknown, trail: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${trail}[${i}]`));
    const record = node as Record<string, unknown>;
    const range = record as { start?: Position; end?: Position };
    if (range.start && range.end && typeof range.start.line === 'number') {
      const ordered =
        range.start.line < range.end.line ||
        (range.start.line === range.end.line && range.start.character <= range.end.character);
      if (!inside(range.start) || !inside(range.end) || !ordered)
        problems.push({ what: 'range', detail: `${where}${trail}: ${JSON.stringify(range)}` });
      return;
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'data') visit(child, `${trail}.${key}`);
  };
  visit(value, '');
}

/** Runs one document through the engine and every feature; returns what went wrong. */
export async function exercise(
  server: InProcessServer,
  file: string,
  text: string,
  rand: Rand,
): Promise<{ problems: Problem[]; ms: number }> {
  const problems: Problem[] = [];
  const started = process.cpuUsage();
  const { workbench } = server;
  const engine = workbench.service.engine;
  try {
    const document = await workbench.openFile(file, text);
    const analysis = await workbench.service.analyze(document);
    for (const d of analysis.diagnostics) {
      if (!(d.start >= 0 && d.start <= d.end && d.end <= text.length))
        problems.push({ what: 'range', detail: `diagnostic ${d.code}: ${d.start}-${d.end} of ${text.length}` });
      if (d.code === 'workbench.internal-error') problems.push({ what: 'internal-error', detail: d.message });
    }
    const lsp = await workbench.diagnostics(document);
    badRanges(lsp, document, 'diagnostics', problems);
    // Offsets anywhere, and past the end as a client may send after an edit it has not synced yet.
    const offsets = Array.from({ length: 3 }, () => Math.floor(rand() * (text.length + 20)));
    const typing = await workbench.analyzed(document, true);
    if (typing) {
      for (const offset of offsets) {
        badRanges(await complete(typing, engine, offset), document, 'completion', problems);
        badRanges(await hover(typing, engine, offset), document, 'hover', problems);
      }
    }
    const analyzed = await workbench.analyzed(document);
    if (analyzed) {
      const roots = analyzed.analysis.parsed.documents.map((d) => d.root);
      badRanges(outline(analyzed.analysis.kind, roots, document), document, 'symbols', problems);
      const position = document.positionAt(offsets[0]);
      const near = lsp.filter((d) => d.range.start.line <= position.line && d.range.end.line >= position.line);
      badRanges(
        await workbench.codeActionsFor(document, near.length ? near : lsp.slice(0, 20)),
        document,
        'codeAction',
        problems,
      );
    }
  } catch (error) {
    problems.push({ what: 'exception', detail: (error as Error)?.stack ?? String(error) });
  }
  const used = process.cpuUsage(started);
  return { problems, ms: (used.user + used.system) / 1000 };
}

export interface RunOptions {
  seed: number;
  count: number;
  /** Run only this document of the sequence (a repro). */
  only?: number;
  failures: string;
  log?: (line: string) => void;
}

/** A whole run; failing inputs are written out, each with the one-line command that replays it. */
export async function run(options: RunOptions): Promise<{ documents: number; failures: string[]; slowest: number }> {
  const seeds = loadSeeds();
  if (!seeds.length) throw new Error('no seed documents (fixtures missing?)');
  const server = new InProcessServer(seeds);
  const failures: string[] = [];
  let slowest = 0;
  const indexes = options.only !== undefined ? [options.only] : Array.from({ length: options.count }, (_, i) => i);
  for (const index of indexes) {
    const { seed, text, steps, rand } = mutant(seeds, options.seed, index);
    // The seed's own path: its name and place decide the kind, its neighbours are real.
    const { problems, ms } = await exercise(server, seed.file, text, rand);
    slowest = Math.max(slowest, ms);
    if (ms > MAX_MS_PER_DOCUMENT) problems.push({ what: 'slow', detail: `${ms.toFixed(0)} ms of CPU` });
    if (!problems.length) continue;
    fs.mkdirSync(options.failures, { recursive: true });
    const out = path.join(options.failures, `seed${options.seed}-${index}${path.extname(seed.file)}`);
    fs.writeFileSync(out, text);
    const repro = `npm run fuzz -- --seed ${options.seed} --only ${index}`;
    failures.push(
      `${out} (from ${path.relative(REPO_ROOT, seed.file)} via ${steps.join('+')}): ${problems.map((p) => `${p.what}: ${p.detail.split('\n')[0]}`).join('; ')}\n  repro: ${repro}`,
    );
    options.log?.(failures[failures.length - 1]);
  }
  return { documents: indexes.length, failures, slowest };
}
