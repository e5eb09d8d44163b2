import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HashOutcome } from './safe-fs';
import type { FileAccess } from './workspace';

/**
 * How cached file facts are checked: `live` stats the file on every use and recomputes when its
 * (size, mtime, inode) changed (the editor, where files change under us); `snapshot` trusts the
 * first look for the lifetime of the cache (one CLI run).
 */
export type CacheMode = 'live' | 'snapshot';

export interface FileCacheOptions {
  mode?: CacheMode;
  /**
   * Binaries larger than this are hashed in the background: `sha256` answers undefined (no
   * verdict) at once and `onHashed` fires when the hash is known. Unset: every hash is awaited.
   */
  deferHashesLargerThan?: number;
  onHashed?: (file: string) => void;
  /** Most derived values kept (oldest dropped first). */
  maxEntries?: number;
  /** Most bytes of file contents (texts, raw bytes) kept; past it, too, the oldest go (256 MB unless set). */
  maxBytes?: number;
  /**
   * Live mode: a recalled fact (where a path leads through links: see `recall`) less than this
   * many ms old is taken as still true, so the keystrokes of a burst do not walk every path a
   * manifest names again. Watcher events forget it at once. Unset or 0: every use looks again.
   * (Stamps are always taken afresh: a file created without a watcher event is seen at once.)
   */
  freshForMs?: number;
}

/** Values derived from files, recomputed only when the file changes (see `derive`). */
export interface FileMemo {
  /** `compute(text)` for the file's current content; undefined when it cannot be read. */
  derive<T>(file: string, tag: string, compute: (text: string) => T): T | undefined;
  /**
   * A value computed from the files of a folder whose names pass `select`: recomputed when the
   * listing or one of those files changes. One per (folder, tag): every file of a folder shares it.
   */
  deriveFolder<T>(dir: string, tag: string, select: (name: string) => boolean, compute: (files: string[]) => T): T;
  /**
   * A fact about the disk that no single stamp covers (where a path leads through links), kept
   * as long as a stamp is (see `freshForMs`; for good in snapshot mode). A value `keep` refuses
   * (a file not there yet) is not remembered in live mode: the next use looks again. A snapshot
   * keeps it as it keeps a missing file's stamp (one state of the disk per run).
   */
  recall<T>(key: string, compute: () => T, keep?: (value: T) => boolean): T;
  /**
   * How many bytes `deriveFolder(dir, tag, select, …)` would read and derive now: 0 when it would
   * answer from what it computed, else the size of the member files whose own `derive(file, tag)`
   * is not known at their current content (the members are derived with the folder's tag), `except`
   * not counted (the file being checked, whose read the caller has).
   */
  folderBacklog(dir: string, tag: string, select: (name: string) => boolean, except?: string): number;
  /**
   * `recall` for a fact found asynchronously (a binary's hash): kept once it is settled. A kept
   * fact is answered as it is, not as a promise: a rule asking for 2,000 of them per keystroke
   * does not wait a turn for each.
   */
  recallSettled<T>(key: string, compute: () => Promise<T>, keep?: (value: T) => boolean): T | Promise<T>;
}

export type CachedFileAccess = FileAccess & FileMemo & { invalidate(files?: string[]): void };

interface Entry {
  stamp: string;
  value: unknown;
}

const MISSING = 'missing';
// What is kept of a path besides its derived values (whose slots are their tags).
const TEXT = '\0text';
const BYTES = '\0bytes';
const LIST = '\0list';
const SHA = '\0sha';
const FOLDER = '\0folder\0';

/** The size a stamp (`type:size:mtime:inode`) records; 0 for a missing file. */
const sizeIn = (stamp: string): number => Number(stamp.split(':')[1]) || 0;

/**
 * Everything read from disk, cached by (path, size, mtime): texts, listings, hashes and values
 * derived from them (parses, indexes, compiled schemas). Watcher events call `invalidate`.
 */
export class FileCache implements CachedFileAccess {
  private readonly mode: CacheMode;
  private readonly stamps = new Map<string, string>();
  /** Recalled facts (see `recall`) and when each was found. */
  private readonly facts = new Map<string, { value: unknown; at: number }>();
  /**
   * Per path, what is kept of it (its text, listing, hash, derived values by tag). Keyed by the
   * path itself: a key joined per lookup was a string built and hashed on every use.
   */
  private readonly entries = new Map<string, Map<string, Entry>>();
  /** How many values `entries` holds in all. */
  private count = 0;
  /** How many bytes of file contents `entries` holds (see `maxBytes`). */
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly hashing = new Map<string, Promise<HashOutcome | undefined>>();
  private readonly maxEntries: number;
  /** Counts watcher events: a fact settled after one was taken before it, and is not kept. */
  private generation = 0;

  constructor(
    private readonly base: FileAccess,
    private readonly options: FileCacheOptions = {},
  ) {
    this.mode = options.mode ?? 'live';
    this.maxEntries = options.maxEntries ?? 20_000;
    // A plugin zip may be read as bytes (up to 128 MB, MAX_ZIP_BYTES) beside the texts around it.
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  }

  get trusted(): boolean {
    return this.base.trusted;
  }

  get roots(): readonly string[] | undefined {
    return this.base.roots;
  }

  /** size:mtime:inode of a file, or 'missing'; memoised for good in snapshot mode. */
  stamp(file: string): string {
    if (this.mode === 'snapshot') {
      const known = this.stamps.get(file);
      if (known !== undefined) return known;
    }
    let stamp = MISSING;
    try {
      // No exception for a missing file (the neighbour probes ask for many); a snapshot never
      // compares two stamps of a path over time, so milliseconds do (no BigInt per file).
      const stat =
        this.mode === 'snapshot'
          ? fs.statSync(file, { throwIfNoEntry: false })
          : fs.statSync(file, { bigint: true, throwIfNoEntry: false });
      if (stat) {
        const mtime = 'mtimeNs' in stat ? stat.mtimeNs : stat.mtimeMs;
        stamp = `${stat.isFile() ? 'f' : stat.isDirectory() ? 'd' : 'o'}:${stat.size}:${mtime}:${stat.ino}`;
      }
    } catch {
      // unreadable: MISSING
    }
    if (this.mode === 'snapshot') this.stamps.set(file, stamp);
    return stamp;
  }

  recall<T>(key: string, compute: () => T, keep?: (value: T) => boolean): T {
    const known = this.facts.get(key);
    if (known && (this.mode === 'snapshot' || this.isFresh(known.at))) return known.value as T;
    const value = compute();
    if (this.keeps(value, keep)) this.remember(key, value);
    return value;
  }

  recallSettled<T>(key: string, compute: () => Promise<T>, keep?: (value: T) => boolean): T | Promise<T> {
    const known = this.facts.get(key);
    if (known && (this.mode === 'snapshot' || this.isFresh(known.at))) return known.value as T;
    const generation = this.generation;
    return compute().then((value) => {
      if (generation === this.generation && this.keeps(value, keep)) this.remember(key, value);
      return value;
    });
  }

  /** Whether a recalled value is kept: a snapshot keeps any (one state of the disk), live mode what `keep` takes. */
  private keeps<T>(value: T, keep: ((value: T) => boolean) | undefined): boolean {
    return this.mode === 'snapshot' || !keep || keep(value);
  }

  /** Keeps a fact where facts are kept at all (snapshot mode, or a freshness window). */
  private remember(key: string, value: unknown): void {
    if (this.mode !== 'snapshot' && !this.options.freshForMs) return;
    this.facts.set(key, { value, at: performance.now() });
    this.boundFacts();
  }

  private isFresh(at: number): boolean {
    return performance.now() - at < (this.options.freshForMs ?? 0);
  }

  /** Facts are small, but a long session names many files: the oldest go first, an eighth at once (see `bound`). */
  private boundFacts(): void {
    if (this.facts.size <= this.maxEntries) return;
    const size = boundTarget(this.maxEntries);
    for (const key of this.facts.keys()) {
      this.facts.delete(key);
      if (this.facts.size <= size) break;
    }
  }

  private entry(file: string, slot: string): Entry | undefined {
    return this.entries.get(file)?.get(slot);
  }

  private cached<T>(file: string, slot: string, stamp: string, compute: () => T): T {
    const entry = this.entry(file, slot);
    if (entry && entry.stamp === stamp) return entry.value as T;
    const value = compute();
    // The path's values move to the end: the paths used longest ago go first.
    const kept = this.entries.get(file) ?? new Map<string, Entry>();
    this.entries.delete(file);
    this.entries.set(file, kept);
    const old = kept.get(slot);
    if (old) this.bytes -= contentSize(slot, old.value);
    else this.count++;
    kept.set(slot, { stamp, value });
    this.bytes += contentSize(slot, value);
    this.bound(file);
    return value;
  }

  /**
   * Past `maxEntries` values, the paths used longest ago go, an eighth of the limit at once.
   * Dropping one per insert made each insert step over the holes earlier deletions left at the
   * front of the map (V8 compacts it only when it rehashes): 100 ms of a CLI run over 8,000 files.
   */
  private bound(current: string): void {
    if (this.count <= this.maxEntries && this.bytes <= this.maxBytes) return;
    const count = boundTarget(this.maxEntries);
    const bytes = boundTarget(this.maxBytes);
    for (const file of this.entries.keys()) {
      // The path just used stays, even alone over the budget: its next use must not read it again.
      if (file === current) continue;
      this.drop(file);
      if (this.count <= count && this.bytes <= bytes) break;
    }
  }

  /** Forgets what is kept of one path. */
  private drop(file: string): void {
    const kept = this.entries.get(file);
    if (!kept) return;
    this.entries.delete(file);
    this.count -= kept.size;
    for (const [slot, entry] of kept) this.bytes -= contentSize(slot, entry.value);
  }

  // A path with no file there reads as nothing, without trying (a failed open costs an exception).
  readText(file: string): string | undefined {
    const stamp = this.stamp(file);
    return stamp === MISSING ? undefined : this.cached(file, TEXT, stamp, () => this.base.readText(file));
  }

  readBytes(file: string): Uint8Array | undefined {
    const stamp = this.stamp(file);
    return stamp === MISSING ? undefined : this.cached(file, BYTES, stamp, () => this.base.readBytes?.(file));
  }

  exists(file: string): boolean {
    return this.stamp(file) !== MISSING;
  }

  isFile(file: string): boolean {
    return this.stamp(file).startsWith('f:');
  }

  isDirectory(file: string): boolean {
    return this.stamp(file).startsWith('d:');
  }

  list(dir: string): string[] {
    return this.cached(dir, LIST, this.stamp(dir), () => this.base.list(dir));
  }

  sha256(file: string): Promise<HashOutcome | undefined> {
    if (!this.base.trusted) return Promise.resolve(undefined);
    const stamp = this.stamp(file);
    const entry = this.entry(file, SHA);
    if (entry && entry.stamp === stamp) return Promise.resolve(entry.value as HashOutcome | undefined);
    const inFlightKey = `${file}\0${stamp}`;
    let running = this.hashing.get(inFlightKey);
    if (!running) {
      running = this.base.sha256(file).then((hash) => {
        this.hashing.delete(inFlightKey);
        // Keep it only if the file did not change while it was read.
        if (this.stamp(file) === stamp) this.cached(file, SHA, stamp, () => hash);
        return hash;
      });
      this.hashing.set(inFlightKey, running);
      if (this.isDeferred(stamp)) void running.then(() => this.options.onHashed?.(file));
    }
    return this.isDeferred(stamp) ? Promise.resolve(undefined) : running;
  }

  private isDeferred(stamp: string): boolean {
    const limit = this.options.deferHashesLargerThan;
    if (limit === undefined) return false;
    return sizeIn(stamp) > limit;
  }

  derive<T>(file: string, tag: string, compute: (text: string) => T): T | undefined {
    const stamp = this.stamp(file);
    return this.cached(file, tag, stamp, () => {
      const text = this.readText(file);
      return text === undefined ? undefined : compute(text);
    });
  }

  deriveFolder<T>(dir: string, tag: string, select: (name: string) => boolean, compute: (files: string[]) => T): T {
    // In snapshot mode the folder's stamp is the key: nothing is listed again (a folder of 8,000
    // files asked by each of its files was quadratic).
    if (this.mode === 'snapshot')
      return this.cached(dir, FOLDER + tag, this.stamp(dir), () => compute(this.members(dir, select)));
    const files = this.members(dir, select);
    const stamp = this.folderStamp(
      dir,
      files.map((f) => this.stamp(f)),
    );
    return this.cached(dir, FOLDER + tag, stamp, () => compute(files));
  }

  /** The files of a folder whose names pass `select`, as paths. */
  private members(dir: string, select: (name: string) => boolean): string[] {
    return this.list(dir)
      .filter(select)
      .map((name) => path.join(dir, name));
  }

  /** What a folder-derived value is keyed by: the folder's stamp, and its members' outside snapshot mode. */
  private folderStamp(dir: string, memberStamps: string[]): string {
    return this.mode === 'snapshot' ? this.stamp(dir) : `${this.stamp(dir)}|${memberStamps.join('|')}`;
  }

  folderBacklog(dir: string, tag: string, select: (name: string) => boolean, except?: string): number {
    const files = this.members(dir, select);
    const stamps = files.map((file) => this.stamp(file));
    if (this.entry(dir, FOLDER + tag)?.stamp === this.folderStamp(dir, stamps)) return 0;
    let bytes = 0;
    files.forEach((file, i) => {
      if (file !== except && this.entry(file, tag)?.stamp !== stamps[i]) bytes += sizeIn(stamps[i]);
    });
    return bytes;
  }

  /** Forget what is known about these files (all, without an argument): a watcher saw them change. */
  invalidate(files?: string[]): void {
    // Where a path leads may change with any file (a link replaced): no fact outlives an event.
    this.generation++;
    this.facts.clear();
    if (!files) {
      this.stamps.clear();
      this.entries.clear();
      this.count = 0;
      this.bytes = 0;
      return;
    }
    const changed = new Set(files.flatMap((f) => [f, path.dirname(f)]));
    for (const file of changed) {
      this.stamps.delete(file);
      this.drop(file);
    }
  }
}

/** What a bound past `limit` drops to: an eighth of the limit goes at once (see FileCache.bound). */
const boundTarget = (limit: number): number => limit - Math.floor(limit / 8);

/** The bytes a kept value holds of a file's contents: its text or raw bytes; 0 for derived values. */
function contentSize(slot: string, value: unknown): number {
  if (slot === TEXT && typeof value === 'string') return value.length;
  if (slot === BYTES && value instanceof Uint8Array) return value.byteLength;
  return 0;
}

/** `files.derive(...)` where the file access caches, a plain read and compute otherwise. */
export function deriveFrom<T>(
  files: FileAccess,
  file: string,
  tag: string,
  compute: (text: string) => T,
): T | undefined {
  const memo = files as Partial<FileMemo>;
  if (typeof memo.derive === 'function') return memo.derive(file, tag, compute);
  const text = files.readText(file);
  return text === undefined ? undefined : compute(text);
}

/** `files.recall(...)` where the file access caches, computed afresh otherwise. */
export function recallFrom<T>(files: FileAccess, key: string, compute: () => T, keep?: (value: T) => boolean): T {
  const memo = files as Partial<FileMemo>;
  return typeof memo.recall === 'function' ? memo.recall(key, compute, keep) : compute();
}

/** `files.folderBacklog(...)` where the file access caches; 0 otherwise (nothing can be left for later). */
export function folderBacklogFrom(
  files: FileAccess,
  dir: string,
  tag: string,
  select: (name: string) => boolean,
  except?: string,
): number {
  const memo = files as Partial<FileMemo>;
  return typeof memo.folderBacklog === 'function' ? memo.folderBacklog(dir, tag, select, except) : 0;
}

/** `files.recallSettled(...)` where the file access caches, computed afresh otherwise. */
export function recallSettledFrom<T>(
  files: FileAccess,
  key: string,
  compute: () => Promise<T>,
  keep?: (value: T) => boolean,
): T | Promise<T> {
  const memo = files as Partial<FileMemo>;
  return typeof memo.recallSettled === 'function' ? memo.recallSettled(key, compute, keep) : compute();
}

/** `files.deriveFolder(...)` where the file access caches, computed afresh otherwise. */
export function deriveFolderFrom<T>(
  files: FileAccess,
  dir: string,
  tag: string,
  select: (name: string) => boolean,
  compute: (files: string[]) => T,
): T {
  const memo = files as Partial<FileMemo>;
  if (typeof memo.deriveFolder === 'function') return memo.deriveFolder(dir, tag, select, compute);
  return compute(
    files
      .list(dir)
      .filter(select)
      .map((name) => path.join(dir, name)),
  );
}
