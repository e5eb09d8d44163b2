import type { ParsedDocument } from '../types';

/**
 * How many documents a file's new version shares with an older one at its start (`head`) and at
 * its end (`tail`), by identity, never overlapping. The section reader hands out the very document
 * objects of the last version for the sections an edit did not touch (those after it moved in
 * place, broken ones made anew), so the same object means the same section: what was said of it
 * still holds, moved to where it is now. Asked by several checks of one analysis: computed once
 * per pair of versions.
 */
export function keptDocuments(
  old: readonly ParsedDocument[],
  documents: readonly ParsedDocument[],
): { head: number; tail: number } {
  const known = lastAsked.get(documents);
  if (known?.old === old) return known;
  const most = Math.min(old.length, documents.length);
  let head = 0;
  while (head < most && documents[head] === old[head]) head++;
  let tail = 0;
  while (tail < most - head && documents[documents.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
  const ends = { old, head, tail };
  lastAsked.set(documents, ends);
  return ends;
}

const lastAsked = new WeakMap<
  readonly ParsedDocument[],
  { old: readonly ParsedDocument[]; head: number; tail: number }
>();
