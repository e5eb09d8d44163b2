import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkText, makeTree } from '../../../helpers/engine';
import { goRefusal, type GoShape } from '../../../../server/src/systems/shared/go-json';
import type { KindId } from '../../../../server/src/core';

// What eKuiper refuses in plugin metadata (internal/meta/func_meta.go, sourceMeta.go, sinkMeta.go;
// docs/hosts/ekuiper.md): function metadata never, source metadata only without a decodable
// `about`, sink metadata on any json.Unmarshal error into fileSink. The rest is a warning.

const about = (extra = '') =>
  `  "about": {"trial": false, "author": {"name": "x"}, "description": {"en_US": "d"}${extra}},\n`;
const SINK = (aboutLine: string, field = '"optional": true') =>
  `{\n${aboutLine}  "libs": [],\n  "properties": [{"name": "a", ${field}, "control": "text", "type": "string", "hint": {"en_US": "h"}, "label": {"en_US": "l"}}],\n  "node": {"category": "sink", "label": {"en_US": "x"}}\n}\n`;
const SOURCE = (aboutLine: string, field = '"optional": true') =>
  `{\n${aboutLine}  "libs": [],\n  "properties": {"default": [{"name": "a", ${field}, "control": "text", "type": "string", "hint": {"en_US": "h"}, "label": {"en_US": "l"}}]},\n  "node": {"category": "source", "label": {"en_US": "x"}}\n}\n`;
const FUNCTION = (extra: string) =>
  `{\n${about(extra)}  "functions": [{"name": "echo", "example": "echo(a)", "hint": {"en_US": "h"}, "args": [], "return": {"type": "string"}, "node": {"category": "sink"}}]\n}\n`;

async function check(kind: KindId, file: string, text: string) {
  const dir = makeTree({ [file]: text, [file.replace(/\.json$/, '.yaml')]: 'default: {}\n' });
  return (await checkText(kind, text, path.join(dir, file))).diagnostics.filter((d) => d.code.startsWith('ekuiper.'));
}
const errors = (ds: Awaited<ReturnType<typeof check>>) =>
  ds.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.line}`);

test('function metadata: the host never decodes it, so schema findings (helpUrl: null, a wrong node.category) are warnings', async () => {
  const ds = await check('ekuiper-function-meta', 'functions/echo.json', FUNCTION(', "helpUrl": null'));
  assert.deepEqual(errors(ds), []);
  const warnings = ds.filter((d) => d.severity === 'warning');
  assert.ok(warnings.some((d) => d.line === 2 && /helpUrl/.test(d.message) && /never decodes/.test(d.message)));
  assert.ok(warnings.some((d) => d.line === 3 && /category/.test(d.message)));
});

test('source metadata: decoding problems are ignored by ReadSourceMetaFile (warnings); a non-object or missing about is refused', async () => {
  const typed = await check(
    'ekuiper-source-meta',
    'sources/src.json',
    SOURCE(about(', "helpUrl": null').replace('false', '"yes"'), '"optional": "no"'),
  );
  assert.deepEqual(errors(typed), []);
  assert.ok(
    typed.some(
      (d) =>
        d.severity === 'warning' &&
        d.line === 2 &&
        /trial/.test(d.message) &&
        /ignores decoding errors/.test(d.message),
    ),
  );
  assert.ok(typed.some((d) => d.severity === 'warning' && d.line === 4 && /optional/.test(d.message)));
  const notObject = await check('ekuiper-source-meta', 'sources/src.json', SOURCE('  "about": "x",\n'));
  assert.deepEqual(errors(notObject), ['ekuiper.wrong-type@2']);
  assert.match(notObject.find((d) => d.severity === 'error')!.message, /not found about/);
  const missing = await check('ekuiper-source-meta', 'sources/src.json', SOURCE(''));
  assert.deepEqual(errors(missing), ['ekuiper.missing-key@1']);
});

test("sink metadata: a value json.Unmarshal cannot put in fileSink is refused with Go's message; other findings are warnings", async () => {
  const bad = await check(
    'ekuiper-sink-meta',
    'sinks/snk.json',
    SINK(about().replace('false', '"yes"'), '"optional": "no"'),
  );
  assert.deepEqual(errors(bad), ['ekuiper.wrong-type@2', 'ekuiper.wrong-type@4']);
  assert.match(bad[0].message, /cannot unmarshal string into Go struct field fileAbout\.about\.trial of type bool/);
  const nullHelp = await check('ekuiper-sink-meta', 'sinks/snk.json', SINK(about(', "helpUrl": null')));
  assert.deepEqual(errors(nullHelp), [], 'null fits a pointer field');
  assert.ok(nullHelp.some((d) => d.severity === 'warning' && /helpUrl/.test(d.message)));
  assert.deepEqual(errors(await check('ekuiper-sink-meta', 'sinks/snk.json', SINK(''))), ['ekuiper.missing-key@1']);
});

test('metadata keys in another case load (encoding/json folds case): a warning with the spelling, not a missing about', async () => {
  const ds = await check('ekuiper-sink-meta', 'sinks/snk.json', SINK(about().replace('"about"', '"About"')));
  assert.deepEqual(errors(ds), []);
  assert.ok(ds.some((d) => d.code === 'ekuiper.key-case' && d.severity === 'warning' && d.line === 2));
});

test('goRefusal: encoding/json verdicts by Go type', () => {
  const shape: GoShape = {
    struct: 'top',
    fields: {
      flag: 'bool',
      list: { slice: 'string' },
      any: 'any',
      inner: { struct: 'inner', fields: { name: 'string' } },
    },
  };
  const scalar = (value: unknown) => ({ type: 'scalar', value, start: 0, end: 1 }) as never;
  assert.equal(
    goRefusal(shape, '/flag', scalar('yes')),
    'json: cannot unmarshal string into Go struct field top.flag of type bool',
  );
  assert.equal(
    goRefusal(shape, '/FLAG', scalar(1)),
    'json: cannot unmarshal number into Go struct field top.flag of type bool',
  );
  assert.equal(goRefusal(shape, '/flag', scalar(null)), undefined);
  assert.equal(
    goRefusal(shape, '/list/0', scalar(3)),
    'json: cannot unmarshal number into Go struct field top.list of type string',
  );
  assert.equal(goRefusal(shape, '/any/x/y', scalar(3)), undefined);
  assert.equal(goRefusal(shape, '/unknown', scalar(3)), undefined);
  assert.equal(
    goRefusal(shape, '/inner/name', scalar(true)),
    'json: cannot unmarshal bool into Go struct field inner.inner.name of type string',
  );
});

test('a repeated key in metadata JSON loads (encoding/json keeps the last): a warning on the repeat', async () => {
  const text = SINK(about()).replace('  "libs": [],\n', '  "libs": [],\n  "libs": ["x"],\n');
  const dir = makeTree({ 'sinks/snk.json': text });
  const { diagnostics } = await checkText('ekuiper-sink-meta', text, path.join(dir, 'sinks/snk.json'));
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'json.duplicate-key').map((d) => `${d.severity}@${d.line}`),
    ['warning@4'],
  );
  assert.deepEqual(errors(diagnostics.filter((d) => d.code.startsWith('ekuiper.'))), []);
});
