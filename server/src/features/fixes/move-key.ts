import { CodeActionKind } from 'vscode-languageserver';
import { findProperty } from '../../engine/parse/tree-builder';
import { nodeAtPointer } from '../../engine/tree-query';
import { columnOf, lineEndOf, lineStartOf, type FixBuilder } from './fix';

/** `data.moveInto` on a removed key (CloudQuery's `concurrency`): moves it into the sibling block. */
export const moveKeyInto: FixBuilder = (input) => {
  const target = input.data.moveInto;
  const pointer = typeof input.data.pointer === 'string' ? input.data.pointer : undefined;
  if (typeof target !== 'string' || input.format !== 'yaml' || pointer === undefined) return [];
  const moved = nodeAtPointer(input.parsed?.root, pointer)?.property;
  if (!moved) return [];
  const owner = moved.parent;
  const { text } = input;
  const blockStart = lineStartOf(text, moved.keyStart);
  const blockEnd = lineEndOf(text, Math.max(moved.value.end - 1, moved.keyEnd));
  const baseIndent = columnOf(text, moved.keyStart);
  const lines = text.slice(blockStart, blockEnd).split('\n');
  const destination = findProperty(owner, target);
  const reindent = (indent: number) => lines.map((l) => ' '.repeat(indent) + l.slice(Math.min(baseIndent, l.length - l.trimStart().length))).join('\n');
  const edits = [{ range: { start: input.document.positionAt(blockStart), end: input.document.positionAt(Math.min(text.length, blockEnd + 1)) }, newText: '' }];
  if (destination?.value.type === 'object' && destination.value.properties.length) {
    const inner = destination.value.properties;
    const at = lineEndOf(text, Math.max(inner[inner.length - 1].value.end - 1, inner[inner.length - 1].keyEnd));
    edits.push({ range: { start: input.document.positionAt(at), end: input.document.positionAt(at) }, newText: `\n${reindent(columnOf(text, inner[0].keyStart))}` });
  } else if (destination && destination.value.type === 'scalar' && destination.value.value === null) {
    const at = lineEndOf(text, destination.keyEnd);
    edits.push({ range: { start: input.document.positionAt(at), end: input.document.positionAt(at) }, newText: `\n${reindent(columnOf(text, destination.keyStart) + 2)}` });
  } else if (!destination) {
    const last = owner.properties[owner.properties.length - 1];
    const at = lineEndOf(text, Math.max(last.value.end - 1, last.keyEnd));
    edits.push({ range: { start: input.document.positionAt(at), end: input.document.positionAt(at) }, newText: `\n${' '.repeat(baseIndent)}${target}:\n${reindent(baseIndent + 2)}` });
  } else return [];
  // Both edits must not overlap: moving a key into a block that contains it makes no sense.
  return [
    {
      title: `Move "${moved.key}" into ${target}:`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [input.diagnostic],
      isPreferred: true,
      edit: { changes: { [input.document.uri]: edits } },
    },
  ];
};
