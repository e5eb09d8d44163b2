import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ParseMemo, parseFile, substitutePlaceholders } from '../../../server/src/core';
import { KINDS } from '../../../server/src/systems';
import { random } from '../../helpers/fuzzer';

// The CloudQuery CLI cuts a file at every `\n---\n` line (with `\r`s allowed here) before it
// decodes the parts. Oracle: a cut written the plain way, one position at a time, against the
// section reader's documents, read from scratch and read incrementally after every edit of seeded
// random sequences (the trailing `---`, an empty part, separators typed one character at a time).
// Each section gets its placeholder stand-ins alone: together they must be the whole text's.
const SEED = Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 5);
const EDITS = 1500;

/** Length of the separator `\r?\n---\r?\n` at `i`, or 0. */
function separatorAt(text: string, i: number): number {
  let j = i;
  if (text[j] === '\r') j++;
  if (text[j] !== '\n' || text.slice(j + 1, j + 4) !== '---') return 0;
  j += 4;
  if (text[j] === '\r') j++;
  return text[j] === '\n' ? j + 1 - i : 0;
}

function plainCut(text: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < text.length;) {
    const length = separatorAt(text, i);
    if (!length) {
      i++;
      continue;
    }
    parts.push([from, i]);
    from = i += length;
  }
  parts.push([from, text.length]);
  return parts;
}

const LINES = ['kind: source', 'spec:', '  name: a', '  path: p', '---', '', '# c', '  tables: [x]', '  n: ${A}'];
const TOKENS = ['\n', '-', '---', '\n---\n', '\r', 'x', ' ', '', '${B}', '${time:now}', '${', '}'];

test('section reader: its sections are the plain cut at every edit, from scratch and incrementally', () => {
  const kind = KINDS['cloudquery-spec'];
  const rand = random(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const fresh = () => Array.from({ length: 30 }, () => pick(LINES)).join('\n') + (rand() < 0.5 ? '\n' : '\n---\n');
  const memo = new ParseMemo();
  let text = fresh();
  for (let i = 0; i < EDITS; i++) {
    const want = plainCut(text);
    const where = `edit ${i} (seed ${SEED}): ${JSON.stringify(text)}`;
    const whole = substitutePlaceholders(text, 'yaml', kind.placeholderTypes);
    for (const read of [parseFile(text, kind), parseFile(text, kind, memo)]) {
      assert.deepEqual(
        read.documents.map((d) => [d.start, d.end]),
        want,
        where,
      );
      assert.deepEqual(read.placeholders, whole.spans, where);
      assert.equal(read.text, whole.text, where);
    }
    const at = Math.floor(rand() * (text.length + 1));
    const cut = rand() < 0.4 ? Math.floor(rand() * 5) : 0;
    text = rand() < 0.02 ? fresh() : text.slice(0, at) + pick(TOKENS) + text.slice(Math.min(text.length, at + cut));
  }
});
