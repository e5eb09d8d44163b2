import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Engine } from '../../../server/src/analysis';
import { MAX_EXPANDED_NODES, MAX_NESTING, readJson, readToml, readYaml, toValue } from '../../../server/src/core';
import { MAX_MS_PER_DOCUMENT } from '../../helpers/fuzzer';

// Minimal hostile inputs from issue #12, each straight through the reader that used to fail.

test('#1 an anchor that contains its own alias is one error, not infinite recursion', () => {
  const read = readYaml('x: &a\n  b: *a\n', { version: '1.2' });
  assert.deepEqual(
    read.diagnostics.map((d) => d.code),
    ['yaml.alias-cycle'],
  );
  assert.deepEqual(toValue(read.documents[0].root), { x: { b: null } });
  const merged = readYaml('x: &a\n  <<: *a\n  y: 1\n', { version: '1.1' });
  assert.deepEqual(
    merged.diagnostics.map((d) => d.code),
    ['yaml.alias-cycle'],
  );
});

test('#4 a mapping as a key is named by its source, not rendered (nested or merge-keyed)', () => {
  const nested = readYaml('x:\n' + '  {\n'.repeat(30), { version: '1.2' });
  assert.ok(nested.documents.length >= 1);
  const merge = readYaml('{<<: 1}: x\n', { version: '1.1' });
  assert.equal(merge.documents[0].root?.type, 'object');
  assert.deepEqual(Object.keys(toValue(merge.documents[0].root) as object), ['{<<: 1}']);
});

test('#5 nesting deeper than the limit is one clear diagnostic in every format, not a stack overflow', () => {
  const deep = MAX_NESTING + 50;
  const cases = [
    readJson('['.repeat(deep) + ']'.repeat(deep)),
    readJson('['.repeat(100_000)),
    readToml('a = ' + '['.repeat(deep) + ']'.repeat(deep)),
    readToml('a = ' + '['.repeat(100_000)),
    readToml('[' + Array.from({ length: deep }, (_, i) => `k${i}`).join('.') + ']\n'),
    readYaml('a: ' + '['.repeat(deep) + ']'.repeat(deep), { version: '1.2' }),
    readYaml(Array.from({ length: deep }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n', { version: '1.2' }),
  ];
  for (const read of cases) {
    const tooDeep = read.diagnostics.filter((d) => d.code === 'workbench.too-deep');
    assert.equal(tooDeep.length, 1, JSON.stringify(read.diagnostics.slice(0, 3)));
    assert.match(tooDeep[0].message, new RegExp(`nested deeper than ${MAX_NESTING.toLocaleString('en-US')} levels`));
    assert.equal(read.documents[0].root, undefined);
  }
  // Just under the limit still reads.
  const ok = readJson('['.repeat(MAX_NESTING - 1) + ']'.repeat(MAX_NESTING - 1));
  assert.equal(ok.diagnostics.length, 0);
  assert.equal(ok.documents[0].root?.type, 'array');
});

test('#5 a too-deep YAML document gets the same one diagnostic whatever stack is left when it is read', () => {
  // yaml's composer recurses per level; where it runs out of stack depends on the caller's stack
  // and the JIT. The verdict must not: the same place, and nothing else said of the document.
  const deep = MAX_NESTING + 300;
  const texts = [
    Array.from({ length: deep }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n',
    'a: ' + '['.repeat(deep) + ']'.repeat(deep),
    'kind: source\n' +
      Array.from({ length: deep }, (_, i) => ' '.repeat(i) + `k${i}: x\n` + ' '.repeat(i) + `k${i}b:`).join('\n'),
  ];
  const readAtDepth = (text: string, frames: number): unknown =>
    frames === 0 ? readYaml(text, { version: '1.2' }) : readAtDepth(text, frames - 1);
  for (const text of texts) {
    const results = [0, 1000, 2000, 3000, 4000, 5000].map((frames) => {
      try {
        return JSON.stringify(readAtDepth(text, frames));
      } catch (error) {
        return `threw ${(error as Error).message}`;
      }
    });
    const first = JSON.parse(results[0]) as ReturnType<typeof readYaml>;
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      ['workbench.too-deep'],
    );
    for (const result of results.slice(1)) if (!result.startsWith('threw')) assert.equal(result, results[0]);
  }
});

test('#5 brackets inside strings and comments do not count as nesting', () => {
  const brackets = '['.repeat(MAX_NESTING + 10);
  assert.equal(readJson(JSON.stringify({ a: brackets })).diagnostics.length, 0);
  assert.equal(
    readToml(`a = "${brackets}"\nb = '${brackets}'\n# ${brackets}\nc = """\n${brackets}\n"""\n`).diagnostics.length,
    0,
  );
});

test('#12 plain values never count as alias expansions; real expansions still do', () => {
  const plain = readYaml('list:\n' + '  - v\n'.repeat(MAX_EXPANDED_NODES + 1), { version: '1.2' });
  assert.equal(plain.diagnostics.length, 0);
  assert.equal((toValue(plain.documents[0].root) as { list: unknown[] }).list.length, MAX_EXPANDED_NODES + 1);
  let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    bomb += `${name}: &${name} [${Array(9)
      .fill('*' + previous)
      .join(',')}]\n`;
    previous = name;
  }
  assert.deepEqual(
    readYaml(bomb, { version: '1.2' }).diagnostics.map((d) => d.code),
    ['yaml.alias-limit'],
  );
});

test('thousands of aliases in a 12 KB spec (a broken one: read again to recover) stay within the fuzz budget', async () => {
  // Found by the LSP load test's mutants: yaml's Alias.resolve walks the whole document for each
  // alias, so this text took 10 s of CPU per analysis; the bound is the fuzz suite's per document.
  const text = 'kind: source\nspec:"\n  name: aws\n  path: cloudquery/aws\n' + 'y: *a\n'.repeat(1800) + 'x: &a 1\n';
  const started = process.cpuUsage();
  const analysis = await new Engine().analyze({ path: '/nowhere/spec.yml', text, version: 1 });
  const used = process.cpuUsage(started);
  assert.equal(analysis.kind, 'cloudquery-spec');
  assert.ok(analysis.diagnostics.some((d) => d.code === 'yaml.syntax'));
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < MAX_MS_PER_DOCUMENT, `${ms.toFixed(0)} ms of CPU`);
});
