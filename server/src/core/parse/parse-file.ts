import type { KindDefinition } from '../kinds';
import type { EngineDiagnostic, ParsedDocument, ParsedFile, PlaceholderSpan, ValueNode } from '../types';
import { walkNodes } from '../tree-query';
import { readJson } from './json-reader';
import { substitutePlaceholders } from './placeholders';
import { readToml } from './toml-reader';
import { readYaml, type YamlReadOptions, type YamlReadResult } from './yaml-reader';
import { piecesByPlace, placedFresh, placedRead, type ParseMemo, type PieceRead } from './memo';
import { readYamlRegions } from './yaml-regions';

/** Parses a file the way its host does: format, YAML dialect, placeholder expansion. */
export function parseFile(text: string, kind: KindDefinition, memo?: ParseMemo): ParsedFile {
  memo?.begin();
  // go.mod, Makefiles, program sources and zips are read by their own rules.
  if (kind.format === 'text' || kind.format === 'binary')
    return { format: kind.format, text, documents: [], diagnostics: [], placeholders: [] };
  const substituted = kind.textPlaceholders
    ? substitutePlaceholders(text, kind.format, kind.placeholderTypes)
    : { text, spans: [] };
  const yamlOptions = { version: kind.yamlVersion ?? '1.2', ...kind.yaml } as const;
  // Sections are flagged as they are read (once per section text, not once per keystroke).
  const patterns = kind.valuePlaceholders ?? [];
  const mark = (documents: ParsedDocument[], start: number) => {
    for (const document of documents) markPlaceholders(document.root, substituted.spans, patterns, start);
  };
  const reader = (source: string) =>
    kind.format === 'json'
      ? readJson(source)
      : kind.format === 'toml'
        ? readToml(source)
        : kind.rawSeparator
          ? readYamlSections(
              source,
              kind.rawSeparator,
              yamlOptions,
              memo,
              substituted.spans.length ? text : undefined,
              mark,
            )
          : memo && !kind.textPlaceholders
            ? readYamlRegions(source, yamlOptions, memo)
            : readYaml(source, yamlOptions);
  const read = reader(substituted.text);
  const blanked = recover(substituted.text, read, reader);
  // Once recovered, errors past the blanked lines were only the parser losing track: drop them.
  const diagnostics = blanked ? syntaxOnBlankedLines(substituted.text, read.diagnostics, blanked) : read.diagnostics;
  if (!(kind.format === 'yaml' && kind.rawSeparator))
    for (const document of read.documents) markPlaceholders(document.root, substituted.spans, patterns);
  return {
    format: kind.format,
    text: substituted.text,
    documents: read.documents,
    diagnostics: diagnostics.map((d) => (isSyntax(d) ? onFirstLine(substituted.text, d) : d)),
    placeholders: substituted.spans,
  };
}

type Read = { documents: ParsedDocument[]; diagnostics: EngineDiagnostic[] };

/** Lines blanked at most while recovering: a file with more broken lines is left as it is. */
const MAX_RECOVERY_STEPS = 5;

const isSyntax = (d: EngineDiagnostic) => d.severity === 'error' && d.code.endsWith('.syntax');

/**
 * A document with a syntax error (usually the line being typed: a half-typed key, an opened
 * quote) still gets its schema checked: the line of the first syntax error is blanked (same
 * offsets, spaces instead of text) and the text read again, a few times at most. When that reads
 * cleanly with the same documents, each broken document takes the recovered tree and is marked
 * `recovered`; the syntax error itself stays reported. Returns the starts of the blanked lines
 * when it recovered.
 */
function recover(text: string, read: Read, reader: (source: string) => Read): number[] | undefined {
  if (!read.documents.some((d) => d.broken)) return undefined;
  const lines: number[] = [];
  let attempt = text;
  let current = read;
  for (let step = 0; step < MAX_RECOVERY_STEPS; step++) {
    const first = firstSyntax(current);
    if (!first) return undefined; // broken for another reason (alias limit): nothing to blank
    // The error's own line, or the line before it (TOML reports a dangling key on the next line).
    const errorLine = lineStartOf(attempt, first.start);
    let best: { line: number; text: string; read: Read; reach: number } | undefined;
    for (const line of [errorLine, previousContentLine(attempt, errorLine)]) {
      if (line === undefined) continue;
      const blanked = blankLine(attempt, line);
      if (blanked === attempt) continue;
      const next = reader(blanked);
      const reach = next.documents.some((d) => d.broken) ? (firstSyntax(next)?.start ?? -1) : Infinity;
      if (reach > first.start && (!best || reach > best.reach)) best = { line, text: blanked, read: next, reach };
      if (reach === Infinity) break;
    }
    if (!best) return undefined;
    lines.push(best.line);
    attempt = best.text;
    current = best.read;
    if (best.reach === Infinity) break;
  }
  if (current.documents.some((d) => d.broken) || current.documents.length !== read.documents.length) return undefined;
  read.documents.forEach((document, i) => {
    if (!document.broken) return;
    document.root = current.documents[i].root;
    document.recovered = true;
  });
  return lines;
}

const lineStartOf = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

const firstSyntax = (read: Read) => read.diagnostics.filter(isSyntax).sort((a, b) => a.start - b.start)[0];

/** Start of the nearest line above `lineStart` with something on it. */
function previousContentLine(text: string, lineStart: number): number | undefined {
  let end = lineStart - 1;
  while (end > 0) {
    const start = lineStartOf(text, end);
    if (text.slice(start, end).trim()) return start;
    end = start - 1;
  }
  return undefined;
}

/**
 * After a recovery, the syntax errors worth showing are those on the blanked lines; when the
 * parser placed its error elsewhere (after the culprit), it moves onto the first blanked line.
 */
function syntaxOnBlankedLines(text: string, diagnostics: EngineDiagnostic[], blanked: number[]): EngineDiagnostic[] {
  const onLines = diagnostics.filter((d) => !isSyntax(d) || blanked.includes(lineStartOf(text, d.start)));
  if (onLines.some(isSyntax)) return onLines;
  const original = diagnostics.find(isSyntax);
  if (!original) return onLines;
  const line = blanked[0];
  const lineEnd = text.indexOf('\n', line) === -1 ? text.length : text.indexOf('\n', line);
  const content = text.slice(line, lineEnd);
  const start = line + (content.length - content.trimStart().length);
  return [...onLines, { ...original, start, end: Math.max(start + 1, line + content.trimEnd().length) }].sort(
    (a, b) => a.start - b.start,
  );
}

/** The text with the line starting at `lineStart` replaced by spaces (offsets elsewhere unchanged). */
function blankLine(text: string, lineStart: number): string {
  let end = text.indexOf('\n', lineStart);
  if (end === -1) end = text.length;
  return text.slice(0, lineStart) + text.slice(lineStart, end).replace(/[^\r]/g, ' ') + text.slice(end);
}

/** A syntax error spanning lines (a key that swallowed the next line) is shown on its first line. */
function onFirstLine(text: string, d: EngineDiagnostic): EngineDiagnostic {
  const lineEnd = text.indexOf('\n', d.start);
  if (lineEnd === -1 || d.end <= lineEnd) return d;
  const end = text.slice(d.start, lineEnd).trimEnd().length + d.start;
  return end > d.start ? { ...d, end } : d;
}

/**
 * Cuts the text at the host's raw separator and reads each section on its own, keeping only its
 * first YAML document as the host's decoder does. Each section is parsed alone and its offsets moved
 * by its start, so every offset stays exact; `memo` keeps the reads of unchanged sections (keyed by
 * their text and, with placeholders substituted, by `keyText`'s same span: the original text).
 */
export function readYamlSections(
  text: string,
  separator: RegExp,
  options: YamlReadOptions,
  memo?: ParseMemo,
  keyText?: string,
  mark?: (documents: ParsedDocument[], start: number) => void,
): YamlReadResult {
  const documents: ParsedDocument[] = [];
  const diagnostics: EngineDiagnostic[] = [];
  const global = new RegExp(separator.source, separator.flags.includes('g') ? separator.flags : separator.flags + 'g');
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (let match = global.exec(text); match; match = global.exec(text)) {
    ranges.push([from, match.index]);
    from = match.index + match[0].length;
    // The separator's own line feed may start the next one (`a\n---\n---\nb`): Go's Split does not reuse bytes.
  }
  ranges.push([from, text.length]);
  // A section wholly inside the part the last text and this one share at both ends (with the
  // separator lines around it) is the same text, found by its place instead of by its text.
  const byPlace = piecesByPlace(memo, text, keyText);
  const pieces: Array<{ start: number; end: number; read: PieceRead }> = [];
  const parse = {};
  for (const [start, end] of ranges) {
    // Each section is read on its own and its offsets moved into place: a section that did not
    // change since the last parse is not read again (its text keys the memo).
    const readSection = () => {
      const read = readYaml(text.slice(start, end), options);
      mark?.(read.documents, start);
      return read;
    };
    let cached = byPlace(start, end, undefined, SEPARATOR_REACH);
    if (!cached && memo) {
      const section = text.slice(start, end);
      const key = keyText === undefined ? section : section + '\u0000' + keyText.slice(start, end);
      cached = memo.read(key, readSection);
    }
    const relative = cached ?? readSection();
    pieces.push({ start, end, read: relative });
    const read = memo ? placedRead(relative, start, parse) : placedFresh(relative, start);
    for (const d of read.diagnostics) diagnostics.push(d);
    const [first, ...ignored] = read.documents.filter(
      (d) => d.root !== undefined || d.broken || read.documents.length === 1,
    );
    documents.push(first ? { ...first, start, end } : { root: undefined, start, end, broken: false });
    for (const extra of ignored) {
      diagnostics.push({
        start: extra.start,
        end: Math.min(extra.end, text.indexOf('\n', extra.start) >= 0 ? text.indexOf('\n', extra.start) : extra.end),
        severity: 'warning',
        code: 'yaml.ignored-document',
        message:
          'The host splits the file only at a line that is exactly "---"; this document is in the same section as the one before it, and the host\'s YAML decoder reads only the first one: everything from here to the next "---" line is ignored.',
      });
    }
  }
  if (memo) memo.last = { text, keyText, pieces };
  return { documents, diagnostics };
}

/**
 * How far inside the unchanged part a section must lie to have the same boundaries in both texts:
 * its separator (`\n---\n`, perhaps with `\r`s) and one that a match straddling the edge could
 * take characters from both fit in it.
 */
const SEPARATOR_REACH = 16;

/**
 * Flags the scalars the host expands. `offset`: where the tree's offsets start in the text the
 * spans point into (a section read alone).
 */
function markPlaceholders(
  root: ValueNode | undefined,
  spans: PlaceholderSpan[],
  patterns: readonly RegExp[],
  offset = 0,
): void {
  if (!spans.length && !patterns.length) return;
  for (const node of walkNodes(root)) {
    if (node.type !== 'scalar') continue;
    const overlaps = overlapsSpan(spans, node.start + offset, node.end + offset);
    const matches = typeof node.value === 'string' && patterns.some((p) => p.test(node.value as string));
    if (overlaps || matches) node.placeholder = true;
  }
}

/** Does any of the spans (in text order, not overlapping) overlap [start, end)? */
function overlapsSpan(spans: PlaceholderSpan[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].end <= start) low = middle + 1;
    else high = middle;
  }
  return low < spans.length && spans[low].start < end;
}
