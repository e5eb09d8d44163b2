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
