import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/engine';

// The shared corpus (SOURCES.tsv) and each file's host context, rebuilt in a temporary tree:
// used by corpus.test.ts and test/oracle/agreement.test.ts.

export const CORPUS = process.env.PLUGIN_WORKBENCH_CORPUS ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

export interface Entry {
  file: string;
  kind: string;
  expect: string;
  note: string;
  repo: string;
  /** Where the host has it: `dir/file.yaml`, or `pkg.zip!member` for a file inside a test zip. */
  origin: string;
  commit: string;
}

/**
 * Files the host's folder or zip holds beside a corpus file but the corpus (text files only) does
 * not: binaries and program sources. Checked in lf-edge/ekuiper at HEAD (git ls-tree, unzip -l).
 * The context is rebuilt with empty files of these names so that package checks see what the
 * host saw.
 */
export const HOST_FILES_NOT_IN_CORPUS: Record<string, string[]> = {
  'lf-edge/ekuiper:internal/plugin/testzips/portables/mirror.zip': ['mirror2'],
  'lf-edge/ekuiper:sdk/go/example/mirror': ['go.mod', 'main.go', 'random_source.go', 'file_sink.go', 'echo_func.go'],
  'lf-edge/ekuiper:sdk/python/example/pysam': ['pysam.py', 'pyjson.py', 'print.py', 'revert.py'],
};

export function readSources(): Entry[] {
  const [header, ...rows] = fs.readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8').split('\n').filter(Boolean);
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const get = (name: string) => cells[columns.indexOf(name)] ?? '';
    return {
      file: get('file'),
      kind: get('kind'),
      expect: get('expect'),
      note: get('note'),
      repo: get('repo'),
      origin: get('path'),
      commit: get('commit'),
    };
  });
}

/**
 * Where a corpus file sat for its host: files of one zip, or of one plugin folder, belong
 * together. CloudQuery's tests load each spec file on its own, except the folder the note says
 * was loaded as a whole.
 */
export function contextOf(entry: Entry): { group: string; root: string; member: string } {
  const [container, inner] = entry.origin.split('!');
  if (inner !== undefined)
    return { group: `${entry.repo}@${entry.commit}:${container}`, root: `${entry.repo}:${container}`, member: inner };
  if (entry.kind === 'cloudquery-spec' && !/via directory/.test(entry.note)) {
    return { group: `alone:${entry.file}`, root: '', member: path.posix.basename(entry.origin) };
  }
  // A plugin's metadata sits in sources/, sinks/ or functions/ below its folder.
  const dir = path.posix.dirname(entry.origin);
  const root = dir === '.' ? '' : dir.replace(/(^|\/)(sources|sinks|functions)$/, '');
  return {
    group: `${entry.repo}@${entry.commit}:${root}`,
    root: `${entry.repo}:${root}`,
    member: root ? path.posix.relative(root, entry.origin) : entry.origin,
  };
}

/** Rebuilds each file's host context in a temporary tree; returns corpus file -> rebuilt path. */
export function rebuildContexts(list: Entry[]): Map<string, string> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-corpus-'));
  const groups = new Map<string, string>();
  const placed = new Map<string, string>();
  for (const entry of list) {
    const { group, root, member } = contextOf(entry);
    let dir = groups.get(group);
    if (!dir) {
      dir = path.join(base, String(groups.size));
      groups.set(group, dir);
      for (const extra of HOST_FILES_NOT_IN_CORPUS[root] ?? []) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, extra), '');
      }
    }
    const target = path.join(dir, member);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(CORPUS, entry.file), target);
    placed.set(entry.file, target);
  }
  return placed;
}
