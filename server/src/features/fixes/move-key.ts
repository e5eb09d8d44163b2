import { findProperty, nodeAtPointer, type ObjectNode, type PropertyNode } from '../../core';
import {
  columnOf,
  isFlow,
  lastLineEnd,
  lineEndOf,
  lineStartOf,
  quickFix,
  type FixBuilder,
  type OffsetEdit,
} from './fix';

/**
 * `data.moveInto` on a removed key (CloudQuery's top-level `concurrency`): the key moves into the
 * sibling mapping it belongs in now (created when missing), nothing else touched. In a block
 * mapping its lines move, re-indented; in a flow mapping (`spec: {name: aws, concurrency: 4}`) the
 * pair leaves with its comma.
 */
export const moveKeyInto: FixBuilder = (input) => {
  const target = input.data.moveInto;
  if (typeof target !== 'string' || input.format !== 'yaml' || typeof input.data.pointer !== 'string') return [];
  const moved = nodeAtPointer(input.parsed?.root, input.data.pointer)?.property;
  if (!moved || moved.value.property !== moved) return [];
  const { text } = input;
  const flow = isFlow(text, moved.parent);
  // In a flow mapping the pair moves as it is written, on one line.
  const pair = flow ? oneLine(text.slice(moved.keyStart, moved.value.end)) : undefined;
  if (flow && !pair) return [];
  const removal = flow ? flowRemoval(moved) : blockRemoval(text, moved);
  if (!removal) return [];
  const destination = findProperty(moved.parent, target);
  if (destination?.value.type === 'object' && findProperty(destination.value, moved.key)) {
    // The plugin's spec already sets it: the top-level copy is only in the way.
    return [quickFix(input, `Remove "${moved.key}" (${target}: already sets it)`, [removal], true)];
  }
  const insertion = pair
    ? flowInsertion(text, moved, pair, destination, target)
    : blockInsertion(text, moved, removal, destination, target);
  if (!insertion) return [];
  // An insertion right where the removal starts becomes one edit, so the two never touch.
  const edits =
    insertion.start === removal.start && insertion.end === removal.start
      ? [{ ...removal, newText: insertion.newText }]
      : [removal, insertion];
  return [quickFix(input, `Move "${moved.key}" into ${target}:`, edits, true)];
};

/** The key's whole lines; none when it shares its line with something else (`- concurrency: 1`). */
function blockRemoval(text: string, moved: PropertyNode): OffsetEdit | undefined {
  const start = lineStartOf(text, moved.keyStart);
  if (text.slice(start, moved.keyStart).trim()) return undefined;
  const end = lastLineEnd(text, moved.value, moved.keyEnd);
  return { start, end: Math.min(text.length, end + 1), newText: '' };
}

/** `, concurrency: 4` after a previous pair, or `concurrency: 4, ` before the next one. */
function flowRemoval(moved: PropertyNode): OffsetEdit {
  const siblings = moved.parent.properties;
  const index = siblings.indexOf(moved);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  return previous
    ? { start: previous.value.end, end: moved.value.end, newText: '' }
    : { start: moved.keyStart, end: next ? next.keyStart : moved.value.end, newText: '' };
}

/** A key and value as one line for a flow mapping; none when they span lines or carry a comment. */
function oneLine(written: string): string | undefined {
  const pair = written.trim();
  return pair.includes('\n') || pair.includes('#') ? undefined : pair;
}

/** `spec: {}` or `spec: {a: 1}`: the pair goes before the closing brace. */
function intoFlowMapping(text: string, mapping: ObjectNode, pair: string): OffsetEdit {
  const last = mapping.properties[mapping.properties.length - 1];
  if (last) return { start: last.value.end, end: last.value.end, newText: `, ${pair}` };
  const close = text.lastIndexOf('}', mapping.end - 1);
  return { start: close, end: close, newText: pair };
}

/** The last sibling that stays, after which a missing target mapping is created. */
function lastStaying(moved: PropertyNode): PropertyNode | undefined {
  return [...moved.parent.properties].reverse().find((p) => p !== moved);
}

function flowInsertion(
  text: string,
  moved: PropertyNode,
  pair: string,
  destination: PropertyNode | undefined,
  target: string,
): OffsetEdit | undefined {
  if (!destination) {
    const last = lastStaying(moved);
    return last && { start: last.value.end, end: last.value.end, newText: `, ${target}: {${pair}}` };
  }
  return destination.value.type === 'object' && isFlow(text, destination.value)
    ? intoFlowMapping(text, destination.value, pair)
    : undefined;
}

function blockInsertion(
  text: string,
  moved: PropertyNode,
  removal: OffsetEdit,
  destination: PropertyNode | undefined,
  target: string,
): OffsetEdit | undefined {
  const written = text.slice(removal.start, lastLineEnd(text, moved.value, moved.keyEnd));
  const lines = written.split('\n');
  const baseIndent = columnOf(text, moved.keyStart);
  const reindent = (indent: number) =>
    lines
      .map((line) =>
        line.trim()
          ? ' '.repeat(indent) + line.slice(Math.min(baseIndent, line.length - line.trimStart().length))
          : line,
      )
      .join('\n');
  if (!destination) {
    // No `spec:` yet: created after the last sibling that is not the moved key.
    const last = lastStaying(moved);
    if (!last) return undefined;
    const at = lastLineEnd(text, last.value, last.keyEnd);
    return { start: at, end: at, newText: `\n${' '.repeat(baseIndent)}${target}:\n${reindent(baseIndent + 2)}` };
  }
  const value = destination.value;
  if (value.type === 'object' && isFlow(text, value)) {
    // Only a one-line value fits in a flow mapping.
    const pair = oneLine(text.slice(moved.keyStart, removal.start + written.length));
    return pair ? intoFlowMapping(text, value, pair) : undefined;
  }
  if (value.type === 'object' && value.properties.length) {
    const inner = value.properties;
    const last = inner[inner.length - 1];
    const at = lastLineEnd(text, last.value, last.keyEnd);
    return { start: at, end: at, newText: `\n${reindent(columnOf(text, inner[0].keyStart))}` };
  }
  if (value.type === 'scalar' && value.value === null && value.end <= value.start) {
    // `spec:` with nothing after it.
    const at = lineEndOf(text, destination.keyEnd);
    return { start: at, end: at, newText: `\n${reindent(columnOf(text, destination.keyStart) + 2)}` };
  }
  return undefined;
}
