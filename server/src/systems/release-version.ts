import * as fs from 'node:fs';
import * as path from 'node:path';
import { readText } from './projects';

// The version a release task packages, read from the project rather than hard-coded: the newest
// `vX.Y.Z` tag of its git repository, else the newest version heading of CHANGELOG.md. Tags are
// read from the repository's files (refs/tags and packed-refs), so nothing is spawned.

const SEMVER = /^v(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

function compare(a: string, b: string): number {
  const x = SEMVER.exec(a)!;
  const y = SEMVER.exec(b)!;
  for (let i = 1; i <= 3; i++) if (Number(x[i]) !== Number(y[i])) return Number(x[i]) - Number(y[i]);
  // A pre-release sorts before its release.
  if (!x[4] !== !y[4]) return x[4] ? -1 : 1;
  return (x[4] ?? '').localeCompare(y[4] ?? '');
}

/** The git directory of the repository holding `dir` (a worktree's `.git` file followed). */
function gitDir(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, '.git');
    try {
      if (fs.statSync(candidate).isDirectory()) return candidate;
      const pointer = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(candidate, 'utf8'))?.[1];
      if (pointer) return path.resolve(current, pointer.trim());
    } catch {
      // No .git here: look further up.
    }
    if (path.dirname(current) === current) return undefined;
  }
}

function listTags(folder: string, prefix = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? listTags(path.join(folder, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** The highest `vX.Y.Z` tag of the repository holding `dir`. */
export function latestTag(dir: string): string | undefined {
  const git = gitDir(dir);
  if (!git) return undefined;
  // A linked worktree keeps its refs in the common directory.
  const common = readText(path.join(git, 'commondir'));
  const root = common ? path.resolve(git, common.trim()) : git;
  const tags = new Set(listTags(path.join(root, 'refs', 'tags')));
  for (const line of (readText(path.join(root, 'packed-refs')) ?? '').split('\n')) {
    const tag = /^[0-9a-f]{40,64} refs\/tags\/(\S+)$/.exec(line)?.[1];
    if (tag) tags.add(tag);
  }
  return [...tags]
    .filter((t) => SEMVER.test(t))
    .sort(compare)
    .pop();
}

/** The newest version heading of a changelog (`## v1.2.0`, `## [1.2.0] - 2024-01-01`), with a leading v. */
export function changelogVersion(text: string): string | undefined {
  const heading = /^#{1,3}\s*\[?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]?/m.exec(text);
  return heading ? `v${heading[1]}` : undefined;
}

/** The version to release: newest tag, else CHANGELOG.md's newest heading, else `fallback`. */
export function releaseVersion(dir: string, fallback: string): { version: string; from: string } {
  const tag = latestTag(dir);
  if (tag) return { version: tag, from: 'the latest git tag' };
  const changelog = changelogVersion(readText(path.join(dir, 'CHANGELOG.md')) ?? '');
  if (changelog) return { version: changelog, from: 'CHANGELOG.md' };
  return { version: fallback, from: 'the default' };
}
