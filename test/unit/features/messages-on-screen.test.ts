import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { makeTree, REPO_ROOT } from '../../helpers/engine';
import { Workbench } from '../../helpers/features';

// What a user reads on screen (issue #16 item 8): ranges, messages, hovers and fix labels, in-process.
const workbench = new Workbench();

async function diagnosticsOf(file: string, text: string) {
  const document = await workbench.openFile(file, text);
  return { document, diagnostics: await workbench.diagnostics(document) };
}

test('Anklet: an entry without a name is underlined up to its first pair, not over a trailing comment', async () => {
  const file = path.join(makeTree({}), '.config/anklet/config.yml');
  const text =
    'global_database_url: localhost\nplugins:\n  - plugin: github # the handler for our org, see the wiki\n    owner: acme\n';
  const { document, diagnostics } = await diagnosticsOf(file, text);
  const entry = diagnostics.filter((d) => d.range.start.line === 2);
  assert.deepEqual(entry.map((d) => d.code).sort(), ['anklet.credentials', 'anklet.missing-key']);
  for (const d of entry) {
    const underlined = text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end));
    assert.equal(underlined, 'plugin: github');
  }
  const credentials = entry.find((d) => d.code === 'anklet.credentials')!;
  assert.match(credentials.message, /^The unnamed plugin plugins\[0\]: /);
  assert.doesNotMatch(credentials.message, /this plugin/);
});

test('hover: a string key that also accepts numbers and booleans shows one type', async () => {
  const file = path.join(makeTree({}), '.config/anklet/config.yml');
  const hover = await workbench.hoverAt(file, 'plugins:\n  - name: R\n    plu|gin: github\n');
  const text = (hover?.contents as MarkupContent).value;
  assert.match(text, /Type: `string`/);
  assert.doesNotMatch(text, /number|boolean/);
});

test('hover: values and a default the description already names are not listed again; the docs link stays', async () => {
  const file = path.join(makeTree({}), 'gatewayd_plugins.yaml');
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/gatewayd-plugins.schema.json'), 'utf8'));
  const description: string = schema.properties.defaultPolicy.markdownDescription;
  assert.match(description, /`passthrough`.*`terminate`.*Default:/s, 'the premise: the description names them');
  const hover = await workbench.hoverAt(file, 'default|Policy: passthrough\nplugins: []\n');
  const text = (hover?.contents as MarkupContent).value;
  assert.equal(text.split('`terminate`').length - 1, description.split('`terminate`').length - 1);
  assert.doesNotMatch(text, /Allowed values:/);
  assert.equal(text.match(/Default:/g)?.length, 1);
  assert.ok(text.includes(`](${schema['x-docs']})`));
});

test('GatewayD cookie: the message counts the characters, the fix label shows the one that differs', async () => {
  const file = path.join(makeTree({}), 'gatewayd_plugins.yaml');
  const right = '5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872';
  const text = `plugins:\n  - name: p\n    enabled: true\n    localPath: ./p\n    env:\n      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN\n      - MAGIC_COOKIE_VALUE=${right.slice(0, -1)}\n`;
  const { document, diagnostics } = await diagnosticsOf(file, text);
  const cookie = diagnostics.find((d) => d.code === 'gatewayd.magic-cookie');
  assert.ok(cookie, diagnostics.map((d) => d.code).join());
  assert.match(cookie.message, /63 of its 64 characters/);
  const fix = (await workbench.codeActionsFor(document, [cookie]))?.find((a) => a.isPreferred);
  assert.ok(fix, 'a preferred fix');
  assert.ok(fix.title.length <= 60, fix.title);
  // The label ends with the value's end, so the character that was missing is in it.
  assert.ok(fix.title.endsWith(`${right.slice(-8)}"`), fix.title);
});

test('a misspelled required key is one "did you mean" problem, not also a missing key', async () => {
  const file = path.join(makeTree({}), 'gatewayd_plugins.yaml');
  const entry = (pair: string) =>
    `plugins:\n  - name: p\n    enabled: true\n    url: github.com/acme/p@latest\n${pair}    args: []\n    env: []\n    checksum: ""\n`;
  const { diagnostics } = await diagnosticsOf(file, entry('    localpath: ./p\n'));
  const keys = diagnostics.filter((d) => /missing-key|unknown-key/.test(String(d.code)));
  assert.deepEqual(
    keys.map((d) => d.message),
    ['Unknown key "localpath" in plugins[0]. Did you mean "localPath"?'],
  );
  // Another missing key with no look-alike is still reported.
  const other = await diagnosticsOf(file, entry(''));
  assert.ok(other.diagnostics.some((d) => d.code === 'gatewayd.missing-key' && /"localPath"/.test(d.message)));
});

test('an empty string is named as one in messages', async () => {
  const file = path.join(makeTree({}), 'gatewayd_plugins.yaml');
  const { diagnostics } = await diagnosticsOf(file, 'defaultPolicy: ""\nplugins: []\n');
  const policy = diagnostics.find((d) => d.range.start.line === 0);
  assert.ok(policy, diagnostics.map((d) => d.message).join('\n'));
  assert.doesNotMatch(policy.message, /\(got \)/);
  assert.match(policy.message, /empty string/);
});
