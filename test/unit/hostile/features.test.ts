import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cursorContext } from '../../../server/src/features/cursor-context';
import { outline } from '../../../server/src/features/symbols';
import { readToml } from '../../../server/src/core';

test('#9 completion context after U+2028, U+2029 or a lone CR on the line does not throw', () => {
  for (const text of [
    'plugins:\n  - name: a\u2028b',
    'a: 1\u2029\nb: ',
    'plugins:\r  - name: x\r    ena',
    'a:\r\n  b\u2028: ',
  ]) {
    for (let offset = 0; offset <= text.length; offset++) {
      assert.doesNotThrow(() => cursorContext('yaml', text, offset), JSON.stringify({ text, offset }));
    }
  }
});

test('#10 an empty or blank TOML key gets an outline entry instead of endless recursion', () => {
  for (const text of ['"" = 1\n', '" " = 1\n', '[""]\na = 1\n', "'' = { '' = 2 }\n"]) {
    const document = TextDocument.create('file:///x/lgc.toml', 'toml', 1, text);
    const symbols = outline(
      'logcraft-config',
      readToml(text).documents.map((d) => d.root),
      document,
    );
    const names = JSON.stringify(symbols, (k, v) => (k === 'range' || k === 'selectionRange' ? undefined : v));
    assert.match(names, /"name":"\\"\s?\\""/, names);
  }
});
