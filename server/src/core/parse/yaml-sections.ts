import type { EngineDiagnostic, ParsedDocument, PlaceholderSpan } from '../types';
import { shifted } from '../text/span';
import { readYaml, type YamlReadOptions, type YamlReadResult } from './yaml-reader';
import { commonEnds, keptRead, placedFresh, placedRead, settledRoot, type ParseMemo, type PieceRead } from './memo';

/** One section of the last text read through a memo, and what this reader made of it there. */
interface Section {
  start: number;
  end: number;
  /** The memo's read of the section's text (offsets from its start). */
  read: PieceRead;
  /** The copy that parse used, moved to `start` (see placedRead). */
  used: PieceRead;
  /** The document this reader gave for the section, and the diagnostics it gave with it. */
  document: ParsedDocument;
  diagnostics: EngineDiagnostic[];
  /** The placeholders the section's text holds (see `substitute`), where they are. */
  spans: PlaceholderSpan[];
  /** In the last text read: a copy it holds is not to be taken by another section (see placedRead). */
  alive: boolean;
}

/**
 * The last text each memo read as sections, what it gave for them (`documents`, one per section),
 * and which sections gave diagnostics (`noted`) or a broken document (`broken`), by index: an edit
 * re-cuts and re-reads only what it changed, and the rest costs it a few array copies.
 */
interface LastSections {
  text: string;
  sections: Section[];
  documents: ParsedDocument[];
  noted: number[];
  broken: number[];
  /** Sections holding placeholders. */
  spanned: number[];
}

/** What `substitute` made of a section's text, with the read of the result. */
type SectionRead = PieceRead & { spans?: PlaceholderSpan[] };

const lastRead = new WeakMap<ParseMemo, LastSections>();

/**
 * How far inside the unchanged part a section must lie to have the same boundaries in both texts:
 * its separator (`\n---\n`, perhaps with `\r`s) and one that a match straddling the edge could
 * take characters from both fit in it.
 */
const SEPARATOR_REACH = 16;

const NONE: EngineDiagnostic[] = [];
const NO_SPANS: PlaceholderSpan[] = [];

/** How a file's sections are read: see readYamlSections. */
export interface SectionReading {
  /** The host's raw separator (CloudQuery: a line that is exactly `---`). */
  separator: RegExp;
  options: YamlReadOptions;
  memo?: ParseMemo;
  substitute?: (section: string) => { text: string; spans: PlaceholderSpan[] };
  mark?: (documents: ParsedDocument[], spans: PlaceholderSpan[]) => void;
}

/**
 * Cuts the text at the host's raw separator and reads each section on its own, keeping only its
 * first YAML document as the host's decoder does. Each section is parsed alone and its offsets moved
 * by its start, so every offset stays exact; `memo` keeps the reads of unchanged sections, keyed by
 * their text. `substitute` gives a section's text the host's placeholder stand-ins before it is
 * read (a `${...}` never spans a line, so never a separator: each section is substituted alone,
 * and the whole text never is); `mark` flags a section's tree with them.
 *
 * With a memo, an edit costs what it changed: the sections wholly inside the part the last text
 * and this one share at their start are kept as they were (the same objects), those inside the part
 * they share at their end are moved by the edit's length (their trees when something reads them:
 * see settledRoot), and only the text between them is searched for separators and read. Where that
 * middle does not end at a separator the last text also had, the whole text is cut again.
 */
export function readYamlSections(
  text: string,
  how: SectionReading,
): YamlReadResult & { placeholders: PlaceholderSpan[] } {
  const { separator, memo } = how;
  const global = new RegExp(separator.source, separator.flags.includes('g') ? separator.flags : separator.flags + 'g');
  const parse = {};
  const last = memo && lastRead.get(memo);
  const kept = last && keptEnds(last, text);
  let middle = kept && cut(text, global, kept.from, kept.to);
  const head = middle ? kept!.head : 0;
  const tail = middle ? kept!.tail : 0;
  middle ??= cut(text, global, 0)!;
  const old = last?.sections ?? [];
  const delta = last ? text.length - last.text.length : 0;
  const shift = old.length - tail; // the first kept section after the edit, in the last text
  // The sections this text no longer has give up the copies they held (see placedRead).
  for (let i = head; i < shift; i++) old[i].alive = false;
  for (let i = shift; i < old.length; i++) {
    const section = old[i];
    // Moved when something reads the section's tree (see settledRoot), not now.
    keptRead(section.read, section.used, delta, parse, true);
    section.start += delta;
    section.end += delta;
    section.document.start += delta;
    section.document.end += delta;
  }
  if (memo) memo.hits += head + tail;
  const fresh = middle.map(([start, end]) => readSection(text, start, end, how, parse));
  const sections = head || tail ? old.slice(0, head).concat(fresh, old.slice(shift)) : fresh;
  const documents =
    head || tail
      ? last!.documents.slice(0, head).concat(
          fresh.map((f) => f.document),
          last!.documents.slice(shift),
        )
      : fresh.map((f) => f.document);
  // Only the sections with diagnostics or a broken document are visited, by index.
  const moveIndex = (i: number) => (i < head ? i : i - shift + head + fresh.length);
  const keptIndices = (list: number[]) => list.filter((i) => i < head || i >= shift).map(moveIndex);
  const fromMiddle = (has: (section: Section) => boolean) =>
    fresh.flatMap((section, k) => (has(section) ? [head + k] : []));
  const noted = last && (head || tail) ? keptIndices(last.noted) : [];
  const broken = last && (head || tail) ? keptIndices(last.broken) : [];
  const spanned = last && (head || tail) ? keptIndices(last.spanned) : [];
  noted.push(...fromMiddle((section) => section.diagnostics.length > 0));
  broken.push(...fromMiddle((section) => section.document.broken || section.document.recovered === true));
  spanned.push(...fromMiddle((section) => section.spans.length > 0));
  spanned.sort((a, b) => a - b);
  noted.sort((a, b) => a - b);
  broken.sort((a, b) => a - b);
  for (const i of noted)
    if (i >= head + fresh.length && delta)
      sections[i].diagnostics = sections[i].diagnostics.map((d) => shifted(d, delta));
  // A broken section's document is where recovery puts the tree it recovered: a new one each time.
  for (const i of broken)
    if (i < head || i >= head + fresh.length) documents[i] = sections[i].document = documentOf(sections[i]);
  const diagnostics: EngineDiagnostic[] = [];
  for (const i of noted) for (const d of sections[i].diagnostics) diagnostics.push(d);
  const placeholders: PlaceholderSpan[] = [];
  for (const i of spanned) {
    const section = sections[i];
    if (i >= head + fresh.length && delta) section.spans = section.spans.map((span) => shifted(span, delta));
    for (const span of section.spans) placeholders.push(span);
  }
  if (memo) {
    lastRead.set(memo, { text, sections, documents, noted, broken, spanned });
    memo.last = undefined; // the region reader's pieces, if the file was read as regions before
  }
  return { documents, diagnostics, placeholders, broken: broken.some((i) => documents[i].broken) };
}

/**
 * How many of the last text's sections this text has unchanged at its start (`head`) and at its
 * end (`tail`, still at their old offsets), and the part between them, [from, to), to be cut
 * again (`to` undefined: to the end).
 */
function keptEnds(last: LastSections, text: string): { head: number; tail: number; from: number; to?: number } {
  const { prefix, suffix } = commonEnds(last.text, text);
  const old = last.sections;
  const changedEnd = last.text.length - suffix;
  // Sections are in text order: the first that is not wholly before the change, the first after it.
  const head = firstWhere(old, 0, (section) => section.end + SEPARATOR_REACH > prefix);
  const tail = old.length - firstWhere(old, head, (section) => section.start - SEPARATOR_REACH >= changedEnd);
  return {
    head,
    tail,
    from: head ? old[head].start : 0,
    to: tail ? old[old.length - tail].start + text.length - last.text.length : undefined,
  };
}

/** The first index from `from` where `test` holds (it holds from there on), or the length. */
function firstWhere<T>(items: readonly T[], from: number, test: (item: T) => boolean): number {
  let low = from;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(items[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The sections of text[from, to): `from` is where a section starts, `to` where a separator ends
 * (the start of a kept section), or the text's end when undefined. Undefined when the separators
 * found do not end exactly at `to`.
 */
function cut(text: string, global: RegExp, from: number, to?: number): Array<[number, number]> | undefined {
  const ranges: Array<[number, number]> = [];
  // Go's Split does not reuse bytes: the next search starts where a separator ended.
  for (global.lastIndex = from; ;) {
    const match = global.exec(text);
    if (!match || (to !== undefined && match.index + match[0].length > to)) break;
    ranges.push([from, match.index]);
    from = match.index + match[0].length;
    if (from === to) return ranges;
  }
  if (to !== undefined) return undefined;
  ranges.push([from, text.length]);
  return ranges;
}

function readSection(text: string, start: number, end: number, how: SectionReading, parse: object): Section {
  const { options, memo, substitute, mark } = how;
  // Each section is read on its own and its offsets moved into place: a section whose text the
  // last parse had too is not read again (its text keys the memo).
  const own = text.slice(start, end);
  const readAlone = (): SectionRead => {
    const substituted = substitute ? substitute(own) : { text: own, spans: NO_SPANS };
    const read: SectionRead = readYaml(substituted.text, options);
    mark?.(read.documents, substituted.spans);
    if (substituted.spans.length) read.spans = substituted.spans;
    return read;
  };
  const read: SectionRead = memo ? memo.read(own, readAlone) : readAlone();
  // The copy the memo keeps is taken unless a section of this text holds it (two equal sections).
  const used = memo ? placedRead(read, start, parse, read.placed?.holder?.alive === true) : placedFresh(read, start);
  const spans = read.spans ? read.spans.map((span) => shifted(span, start)) : NO_SPANS;
  const section: Section = {
    start,
    end,
    read,
    used,
    document: undefined as never,
    diagnostics: NONE,
    spans,
    alive: true,
  };
  if (read.placed?.read === used) read.placed.holder = section;
  section.document = documentOf(section, !memo);
  const [, ...ignored] = firstAndIgnored(used);
  const diagnostics = [...used.diagnostics];
  for (const extra of ignored) {
    const lineEnd = text.indexOf('\n', extra.start);
    diagnostics.push({
      start: extra.start,
      end: Math.min(extra.end, lineEnd >= 0 ? lineEnd : extra.end),
      severity: 'warning',
      code: 'yaml.ignored-document',
      message:
        'The host splits the file only at a line that is exactly "---"; this document is in the same section as the one before it, and the host\'s YAML decoder reads only the first one: everything from here to the next "---" line is ignored.',
    });
  }
  if (diagnostics.length) section.diagnostics = diagnostics;
  return section;
}

/**
 * The section's first document (what the host decodes), spanning the whole section; its tree is
 * moved into place when it is read. `placed`: a read for one parse only (no memo), moved already
 * and never moved again.
 */
function documentOf(section: Section, placed = false): ParsedDocument {
  const [first] = firstAndIgnored(section.used);
  const { start, end } = section;
  if (!first) return { root: undefined, start, end, broken: false };
  return placed ? { ...first, start, end } : settledRoot({ ...first, start, end }, section.used);
}

const firstAndIgnored = (read: PieceRead) =>
  read.documents.filter((d) => d.root !== undefined || d.broken || read.documents.length === 1);
