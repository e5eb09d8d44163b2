import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkText, makeTree } from '../../../helpers/engine';

// lgc.toml as lgc reads it: toml 0.8 (TOML 1.0) through figment into serde structs
// (docs/hosts/logcraft.md). Each case: accepted (no error) or refused on the named line.

const CONFIG = (core: string, state = '') => `[core]\n${core}\n\n${state}[services]\n`;

async function errors(text: string) {
  const dir = makeTree({});
  const { diagnostics } = await checkText('logcraft-config', text, path.join(dir, 'lgc.toml'));
  return diagnostics.filter((d) => d.severity === 'error');
}
const at = (ds: Awaited<ReturnType<typeof errors>>) => ds.map((d) => `${d.code}@${d.line}`);

test('a TOML date or date-time in a string field is a map to serde: "invalid type: found map, expected a string"', async () => {
  for (const value of ['2024-01-01', '1979-05-27T07:32:00Z', '07:32:00', '1979-05-27 07:32:00']) {
    const ds = await errors(CONFIG(`workspace = ${value}`));
    assert.deepEqual(at(ds), ['logcraft.wrong-type@2'], value);
    assert.match(ds[0].message, /found map, expected a string/);
  }
  assert.deepEqual(at(await errors(CONFIG('workspace = "2024-01-01"'))), [], 'quoted, it is text');
});

test('"\\x41" is no TOML 1.0 escape (toml 0.8 refuses it); \\u0041 is', async () => {
  const ds = await errors(CONFIG('workspace = "\\x41"'));
  assert.ok(at(ds).includes('toml.syntax@2'), JSON.stringify(at(ds)));
  assert.deepEqual(at(await errors(CONFIG('workspace = "\\u0041"'))), []);
});

test('other TOML 1.1 syntax is refused too: a trailing comma in an inline table, a time without seconds', async () => {
  assert.deepEqual(at(await errors(CONFIG('workspace = "r"\nextra = { a = 1, }'))), ['toml.syntax@3']);
  assert.deepEqual(at(await errors(CONFIG('workspace = "r"\nat = 07:32'))), ['toml.syntax@3']);
});

test('a float into an integer field fails even when whole (retry_max = 2.0 into u32); 2 loads', async () => {
  const http = (retry: string) => `[state]\ntype = "http"\naddress = "https://state"\nretry_max = ${retry}\n\n`;
  const ds = await errors(CONFIG('workspace = "r"', http('2.0')));
  assert.deepEqual(at(ds), ['logcraft.wrong-type@7']);
  assert.match(ds[0].message, /found floating point `2\.0`, expected an integer/);
  assert.deepEqual(at(await errors(CONFIG('workspace = "r"', http('2')))), []);
  assert.deepEqual(at(await errors(CONFIG('workspace = "r"', http('2.5')))).length, 1);
});

test('an integer past i64 is refused by the TOML parser; i64::MAX loads', async () => {
  assert.deepEqual(at(await errors(CONFIG('workspace = "r"\nbig = 9223372036854775808'))), ['toml.syntax@3']);
  assert.deepEqual(at(await errors(CONFIG('workspace = "r"\nbig = -9223372036854775809'))), ['toml.syntax@3']);
  assert.deepEqual(at(await errors(CONFIG('workspace = "r"\nbig = 9_223_372_036_854_775_807'))), []);
  assert.deepEqual(at(await errors(CONFIG('workspace = "r"\nbig = 0x7FFFFFFFFFFFFFFF'))), []);
});
