import { Engine } from '../../server/src/analysis';
import type { KindId, ParsedFile } from '../../server/src/core';

let engine: Engine | undefined;

/** A text with `|` cursor markers: the text without them and the offsets where they were. */
export function withCursors(marked: string): { text: string; offsets: number[] } {
  const parts = marked.split('|');
  const offsets: number[] = [];
  let text = parts[0];
  for (const part of parts.slice(1)) {
    offsets.push(text.length);
    text += part;
  }
  return { text, offsets };
}

/** The real engine's parse of a marked text as a file of `kind`, and the cursor offsets. */
export function parsedAt(kind: KindId, marked: string): { text: string; offsets: number[]; parsed: ParsedFile } {
  engine ??= new Engine();
  const { text, offsets } = withCursors(marked);
  return { text, offsets, parsed: engine.parse(`/virtual/${kind}/${Math.random()}`, text, kind) };
}

/**
 * A test text with one cursor marker: the offset of the first `|` (or `marker`) and the text without
 * it. Write YAML block scalars with another marker.
 */
export function cursor(textWithCursor: string, marker = '|'): { text: string; offset: number } {
  const offset = textWithCursor.indexOf(marker);
  if (offset < 0) throw new Error(`no cursor marker ${marker} in ${JSON.stringify(textWithCursor)}`);
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + marker.length), offset };
}
