import { findProperty } from '../../engine/parse/tree-builder';
import { nodeAtPointer } from '../../engine/tree-query';
import type { PropertyNode } from '../../engine/types';
import { columnOf, isFlow, lastLineEnd, lineEndOf, lineStartOf, quickFix, type FixBuilder, type FixInput, type OffsetEdit } from './fix';

/**
 * `data.moveInto` on a removed key (CloudQuery's top-level `concurrency`): the key's lines move into
 * the sibling mapping it belongs in now (created when missing), re-indented, nothing else touched.
 */
export const moveKeyInto: FixBuilder = (input) => {
  const target = input.data.moveInto;
  if (typeof target !== 'string' || input.format !== 'yaml' || typeof input.data.pointer !== 'string') return [];
  const moved = nodeAtPointer(input.parsed?.root, input.data.pointer)?.property;
  if (!moved || moved.value.property !== moved) return [];
  const { text } = input;
  const owner = moved.parent;
  if (isFlow(text, owner)) return moveWithinFlow(input, moved, target);
  const blockStart = lineStartOf(text, moved.keyStart);
  if (text.slice(blockStart, moved.keyStart).trim()) return []; // e.g. `- concurrency: 1` on a list item's line
  const blockEnd = lastLineEnd(text, moved.value, moved.keyEnd);
  const removal: OffsetEdit = { start: blockStart, end: Math.min(text.length, blockEnd + 1), newText: '' };
  const destination = findProperty(owner, target);
  if (destination?.value.type === 'object' && findProperty(destination.value, moved.key)) {
    // The plugin's spec already sets it: the top-level copy is only in the way.
    return [quickFix(input, `Remove "${moved.key}" (${target}: already sets it)`, [removal], true)];
  }
  const lines = text.slice(blockStart, blockEnd).split('\n');
  const baseIndent = columnOf(text, moved.keyStart);
  const reindent = (indent: number) =>
    lines.map((line) => (line.trim() ? ' '.repeat(indent) + line.slice(Math.min(baseIndent, line.length - line.trimStart().length)) : line)).join('\n');
  const insertion = insertionInto(text, owner.properties, destination, target, baseIndent, reindent, moved);
  if (!insertion) return [];
  return [quickFix(input, `Move "${moved.key}" into ${target}:`, [removal, insertion], true)];
};

function insertionInto(
  text: string,
  siblings: PropertyNode[],
  destination: PropertyNode | undefined,
  target: string,
  baseIndent: number,
  reindent: (indent: number) => string,
  moved: PropertyNode,
): OffsetEdit | undefined {
  if (!destination) {
    // No `spec:` yet: created after the last sibling that is not the moved key.
    const last = [...siblings].reverse().find((p) => p !== moved);
    if (!last) return undefined;
    const at = lastLineEnd(text, last.value, last.keyEnd);
    return { start: at, end: at, newText: `\n${' '.repeat(baseIndent)}${target}:\n${reindent(baseIndent + 2)}` };
  }
  const value = destination.value;
  if (value.type === 'object' && isFlow(text, value)) {
    // `spec: {}` or `spec: {a: 1}`: only a one-line value fits in a flow mapping.
    const single = text.slice(moved.keyStart, lastLineEnd(text, moved.value, moved.keyEnd)).trim();
    if (single.includes('\n') || /#/.test(single)) return undefined;
    const close = text.lastIndexOf('}', value.end - 1);
    const last = value.properties[value.properties.length - 1];
    return last ? { start: last.value.end, end: last.value.end, newText: `, ${single}` } : { start: close, end: close, newText: single };
  }
  if (value.type === 'object' && value.properties.length) {
    const inner = value.properties;
    const last = inner[inner.length - 1];
    const at = lastLineEnd(text, last.value, last.keyEnd);
    return { start: at, end: at, newText: `\n${reindent(columnOf(text, inner[0].keyStart))}` };
  }
  if (value.type === 'scalar' && value.value === null && value.end <= value.start + 0) {
    // `spec:` with nothing after it.
    const at = lineEndOf(text, destination.keyEnd);
    return { start: at, end: at, newText: `\n${reindent(columnOf(text, destination.keyStart) + 2)}` };
  }
  return undefined;
}

/**
 * The same move inside a flow mapping (`spec: {name: aws, concurrency: 4}`): the pair leaves with
 * its comma and joins the target mapping, which must be a flow mapping too (or is created as one).
 */
function moveWithinFlow(input: FixInput, moved: PropertyNode, target: string) {
  const { text } = input;
  const siblings = moved.parent.properties;
  const pair = text.slice(moved.keyStart, moved.value.end);
  if (pair.includes('\n') || pair.includes('#')) return [];
  const index = siblings.indexOf(moved);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  // `, concurrency: 4` after a previous pair, or `concurrency: 4, ` before the next one.
  const removal: OffsetEdit = previous
    ? { start: previous.value.end, end: moved.value.end, newText: '' }
    : { start: moved.keyStart, end: next ? next.keyStart : moved.value.end, newText: '' };
  const destination = findProperty(moved.parent, target);
  if (destination?.value.type === 'object' && findProperty(destination.value, moved.key)) {
    return [quickFix(input, `Remove "${moved.key}" (${target}: already sets it)`, [removal], true)];
  }
  let insertion: OffsetEdit;
  if (!destination) {
    const last = [...siblings].reverse().find((p) => p !== moved);
    if (!last) return [];
    insertion = { start: last.value.end, end: last.value.end, newText: `, ${target}: {${pair}}` };
    // Right before the removed pair: one edit, so the two never touch.
    if (insertion.start === removal.start) return [quickFix(input, `Move "${moved.key}" into ${target}:`, [{ ...removal, newText: insertion.newText }], true)];
  } else if (destination.value.type === 'object' && isFlow(text, destination.value)) {
    const inner = destination.value.properties;
    const last = inner[inner.length - 1];
    const close = text.lastIndexOf('}', destination.value.end - 1);
    insertion = last ? { start: last.value.end, end: last.value.end, newText: `, ${pair}` } : { start: close, end: close, newText: pair };
  } else {
    return [];
  }
  return [quickFix(input, `Move "${moved.key}" into ${target}:`, [removal, insertion], true)];
}
