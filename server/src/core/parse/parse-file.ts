import type { KindDefinition } from '../kinds';
import type { EngineDiagnostic, ParsedDocument, ParsedFile, PlaceholderSpan, ValueNode } from '../types';
import { walkNodes } from '../tree-query';
import { readJson } from './json-reader';
import { substitutePlaceholders } from './placeholders';
import { readToml } from './toml-reader';
import { readYaml } from './yaml-reader';
import type { ParseMemo } from './memo';
import { readYamlSections } from './yaml-sections';
import { readYamlRegions } from './yaml-regions';

/** Parses a file the way its host does: format, YAML dialect, placeholder expansion. */
export function parseFile(text: string, kind: KindDefinition, memo?: ParseMemo): ParsedFile {
  memo?.begin();
  // go.mod, Makefiles, program sources and zips are read by their own rules.
  if (kind.format === 'text' || kind.format === 'binary')
    return { format: kind.format, text, documents: [], diagnostics: [], placeholders: [] };
  if (kind.format === 'yaml' && kind.rawSeparator) return parseSections(text, kind, kind.rawSeparator, memo);
  const substituted = kind.textPlaceholders
    ? substitutePlaceholders(text, kind.format, kind.placeholderTypes)
    : { text, spans: [] };
  const yamlOptions = { version: kind.yamlVersion ?? '1.2', ...kind.yaml } as const;
  const patterns = kind.valuePlaceholders ?? [];
  const reader = (source: string) =>
    kind.format === 'json'
      ? readJson(source)
      : kind.format === 'toml'
        ? readToml(source)
        : memo && !kind.textPlaceholders
          ? readYamlRegions(source, yamlOptions, memo)
          : readYaml(source, yamlOptions);
  const { read, diagnostics } = readRecovering(substituted.text, reader);
  for (const document of read.documents) markPlaceholders(document.root, substituted.spans, patterns);
  return {
    format: kind.format,
    text: substituted.text,
    documents: read.documents,
    diagnostics,
    placeholders: substituted.spans,
  };
}

/**
 * A file the host cuts at a raw separator before it decodes the parts (CloudQuery): read section by
 * section (readYamlSections), each section given the host's placeholder stand-ins on its own, and
 * flagged as it is read (once per section text, not once per keystroke). The stand-ins keep every
 * offset and line where it is, so syntax errors and recovery work on the text as written; the whole
 * text with stand-ins (`text`) is made only when something reads it (a feature, a schema message),
 * not on every keystroke.
 */
function parseSections(text: string, kind: KindDefinition, separator: RegExp, memo?: ParseMemo): ParsedFile {
  const yamlOptions = { version: kind.yamlVersion ?? '1.2', ...kind.yaml } as const;
  const patterns = kind.valuePlaceholders ?? [];
  const substitute = kind.textPlaceholders
    ? (section: string) => substitutePlaceholders(section, 'yaml', kind.placeholderTypes)
    : undefined;
  const mark = (documents: ParsedDocument[], spans: PlaceholderSpan[]) => {
    for (const document of documents) markPlaceholders(document.root, spans, patterns);
  };
  const how = { separator, options: yamlOptions, memo, substitute, mark };
  const reader = (source: string) => readYamlSections(source, how);
  const { read, diagnostics } = readRecovering(text, reader);
  let substituted: string | undefined;
  const file = { format: kind.format, documents: read.documents, diagnostics, placeholders: read.placeholders };
  return Object.defineProperty(file, 'text', {
    get: () => (substituted ??= substitute ? substitute(text).text : text),
    enumerable: true,
  }) as ParsedFile;
}

type Read = { documents: ParsedDocument[]; diagnostics: EngineDiagnostic[]; broken?: boolean };

/**
 * The reader's read of the text, recovered where a syntax error allows it (see recover), and the
 * syntax diagnostics worth showing, each on its first line.
 */
function readRecovering<R extends Read>(
  text: string,
  reader: (source: string) => R,
): { read: R; diagnostics: EngineDiagnostic[] } {
  const read = reader(text);
  const blanked = recover(text, read, reader);
  // Once recovered, errors past the blanked lines were only the parser losing track: drop them.
  const diagnostics = blanked ? syntaxOnBlankedLines(text, read.diagnostics, blanked) : read.diagnostics;
  return { read, diagnostics: diagnostics.map((d) => (isSyntax(d) ? onFirstLine(text, d) : d)) };
}

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
  if (!(read.broken ?? read.documents.some((d) => d.broken))) return undefined;
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
