import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkText, makeTree } from '../../../helpers/engine';

// What serde_yaml_ng::from_slice::<serde_json::Value> (lgc's detection reader) refuses, on the
// line it names; what it loads stays free of errors (docs/hosts/logcraft.md).

const DETECTION = 'title: t\nsearch: index=main\nparameters:\n  disabled: false\n';

async function verdict(text: string, onDisk: string | Buffer = text) {
  const dir = makeTree({ 'rules/splunk/d.yaml': onDisk });
  const { diagnostics } = await checkText('logcraft-detection', text, path.join(dir, 'rules/splunk/d.yaml'));
  return diagnostics;
}
const errorLines = (ds: Awaited<ReturnType<typeof verdict>>) =>
  ds.filter((d) => d.severity === 'error' && d.code === 'logcraft.detection-yaml').map((d) => d.line);

test('two documents in one detection: "more than one document is not supported", on the second ---', async () => {
  const ds = await verdict(DETECTION + '---\n' + DETECTION);
  assert.deepEqual(errorLines(ds), [5]);
  assert.match(ds.find((d) => d.code === 'logcraft.detection-yaml')!.message, /more than one document/);
});

test('a trailing --- is a second (empty) document to serde_yaml_ng', async () => {
  const ds = await verdict(DETECTION + '---\n');
  assert.deepEqual(errorLines(ds), [5]);
  assert.doesNotMatch(ds.find((d) => d.code === 'logcraft.detection-yaml')!.message, /move the document/);
  assert.deepEqual(errorLines(await verdict('---\n' + DETECTION)), [], 'a leading --- starts the one document');
});

test('a custom !tag on a value cannot become JSON (enum); !!str and a tagged key are fine', async () => {
  assert.deepEqual(errorLines(await verdict(DETECTION.replace('title: t', 'title: !Ref t'))), [1]);
  assert.deepEqual(errorLines(await verdict(DETECTION + 'list: !seq [a]\n')), [5]);
  assert.deepEqual(errorLines(await verdict(DETECTION.replace('title: t', 'title: !!str t'))), []);
  assert.deepEqual(errorLines(await verdict(DETECTION.replace('title: t', '!k title: t'))), []);
});

test('a complex key (? [a, b]) is no JSON key', async () => {
  const ds = await verdict(DETECTION + '? [a, b]\n: 1\n');
  assert.deepEqual(errorLines(ds), [5]);
  assert.match(
    ds.find((d) => d.code === 'logcraft.detection-yaml')!.message,
    /invalid type: sequence, expected a string/,
  );
  assert.deepEqual(errorLines(await verdict(DETECTION + '1: one\ntrue: yes\n')), [], 'scalar keys become strings');
});

test('a BOM before a mapping of several keys: the second key ends the mapping; one key loads', async () => {
  const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  assert.deepEqual(errorLines(await verdict(DETECTION, bom(DETECTION))), [2]);
  assert.deepEqual(errorLines(await verdict('title: t\n', bom('title: t\n'))), []);
  assert.deepEqual(errorLines(await verdict(DETECTION)), [], 'no BOM on disk');
});

test('a repeated key loads (serde_json keeps the last): a warning, not an error', async () => {
  const ds = await verdict(DETECTION + 'title: again\n');
  const repeated = ds.filter((d) => d.code === 'yaml.duplicate-key');
  assert.deepEqual(
    repeated.map((d) => `${d.severity}@${d.line}`),
    ['warning@5'],
  );
});

test('policies decode into structs: serde refuses a duplicate field, so a repeated key stays an error', async () => {
  const dir = makeTree({});
  const policy = 'field: title\ncheck: existence\nseverity: warning\nseverity: error\n';
  const { diagnostics } = await checkText(
    'logcraft-policy',
    policy,
    path.join(dir, '.logcraft/policies/splunk/p.yaml'),
  );
  assert.ok(diagnostics.some((d) => d.code === 'yaml.duplicate-key' && d.severity === 'error' && d.line === 4));
});
