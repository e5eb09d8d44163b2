import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LinesAbove } from '../../../server/src/features/lines-above';
import { random } from '../../helpers/fuzzer';

// Oracle: the lines above a line as the completion walk first read them, by splitting everything
// before it, from the nearest up to the last `---` line (excluded), and where that document starts.
function splitAbove(text: string, lineStart: number): { lines: string[]; start: number } {
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  let first = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^---(\s|$)/.test(lines[i])) {
      first = i + 1;
      break;
    }
  }
  const start = lines.slice(0, first).reduce((n, l) => n + l.length + 1, 0);
  return { lines: lines.slice(first).reverse(), start };
}

test('LinesAbove: the lines a split of the whole prefix gives, nearest first, at every line start of seeded texts', () => {
  const rand = random(Number(process.env.PLUGIN_WORKBENCH_FUZZ_SEED ?? 3));
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const PIECES = ['a: 1', '---', '--- # x', '---x', '', '  - b', '\r', '\n', '\r\n', '# c', '-'];
  for (let round = 0; round < 400; round++) {
    const text = Array.from({ length: Math.floor(rand() * 12) }, () => pick(PIECES)).join(pick(['\n', '\r\n', '']));
    // Every place a line can start: after a LF, after a lone CR (as the cursor context counts lines), and 0.
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
    for (const lineStart of starts) {
      const want = splitAbove(text, lineStart);
      const above = new LinesAbove(text, lineStart);
      const got: string[] = [];
      for (let k = 0, line = above.at(0); line !== undefined; line = above.at(++k)) got.push(line);
      const where = `line start ${lineStart} of ${JSON.stringify(text)}`;
      assert.deepEqual(got, want.lines, where);
      assert.equal(above.documentStart(), want.start, where);
      // Asked in another order (the document's start first), the same answers.
      const again = new LinesAbove(text, lineStart);
      assert.equal(again.documentStart(), want.start, where);
      assert.equal(again.at(want.lines.length), undefined, where);
      if (want.lines.length) assert.equal(again.at(want.lines.length - 1), want.lines[want.lines.length - 1], where);
    }
  }
});
