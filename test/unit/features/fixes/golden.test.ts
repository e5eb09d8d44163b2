import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, editsFor } from '../../../helpers/apply-edits';
import { makeTree, REPO_ROOT } from '../../../helpers/engine';
import { Workbench } from '../../../helpers/features';

/**
 * Golden quick-fix cases: `golden/<case>.input.<ext>` with `‸` where the diagnostic starts, and
 * `golden/<case>.expected.<ext>`, the text after the fix. `golden/cases.json` gives each case the
 * file name it is opened as (that classifies it), the diagnostic code and the fix (by title, or the
 * preferred one). The fix is applied in-process; the diagnostic must be gone after it. A case of a
 * project check gives the files around it (`tree`, e.g. the go.mod that makes a .go file a plugin's);
 * a file without an extension (.gitignore) has `.txt` golden files.
 */
const GOLDEN = path.join(REPO_ROOT, 'test', 'unit', 'features', 'fixes', 'golden');
const MARKER = '‸';

interface Case {
  file: string;
  code: string;
  title?: string;
  preferred?: boolean;
  /** The fix writes a placeholder that is flagged in its turn (why): the diagnostic moves off the marker. */
  remains?: string;
  /** The diagnostic's severity, where the case is about a host that accepts the file (warning). */
  severity?: 'error' | 'warning' | 'information' | 'hint';
  /** Files written beside it (relative to the folder `file` is in), which classify it by place. */
  tree?: Record<string, string>;
}

/** LSP's DiagnosticSeverity numbers. */
const SEVERITIES = { error: 1, warning: 2, information: 3, hint: 4 } as const;

const cases = JSON.parse(fs.readFileSync(path.join(GOLDEN, 'cases.json'), 'utf8')) as Record<string, Case>;
const workbench = new Workbench();

test('every golden file belongs to a listed case', () => {
  const listed = new Set(Object.keys(cases));
  for (const name of fs.readdirSync(GOLDEN)) {
    if (name === 'cases.json') continue;
    const match = /^(.+)\.(input|expected)\.\w+$/.exec(name);
    assert.ok(match && listed.has(match[1]), `${name} is not a case of cases.json`);
  }
});

for (const [name, spec] of Object.entries(cases)) {
  test(`quick fix: ${name}`, async () => {
    const ext = path.extname(spec.file) || '.txt';
    const input = fs.readFileSync(path.join(GOLDEN, `${name}.input${ext}`), 'utf8');
    const expected = fs.readFileSync(path.join(GOLDEN, `${name}.expected${ext}`), 'utf8');
    const at = input.indexOf(MARKER);
    assert.ok(at >= 0, `${name}: no ${MARKER} marker`);
    const text = input.slice(0, at) + input.slice(at + MARKER.length);
    const file = path.join(makeTree(spec.tree ?? {}), spec.file);
    const document = await workbench.openFile(file, text);
    const diagnostics = (await workbench.diagnostics(document)).filter((d) => d.code === spec.code);
    const diagnostic = diagnostics.find((d) => document.offsetAt(d.range.start) === at);
    assert.ok(
      diagnostic,
      `${spec.code} at the marker; found at ${diagnostics.map((d) => document.offsetAt(d.range.start)).join(', ') || 'none'}`,
    );
    if (spec.severity) assert.equal(diagnostic.severity, SEVERITIES[spec.severity], `${spec.code} severity`);
    const actions = (await workbench.codeActionsFor(document, [diagnostic])) ?? [];
    const action = spec.title ? actions.find((a) => a.title === spec.title) : actions.find((a) => a.isPreferred);
    assert.ok(action, `${spec.title ?? 'a preferred fix'} among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics, [diagnostic]);
    const fixed = applyEdits(text, editsFor(action.edit, document.uri));
    assert.equal(fixed, expected);
    const after = await workbench.diagnostics(await workbench.openFile(file, fixed));
    const left = after.filter((d) => d.code === spec.code);
    if (spec.remains) {
      assert.ok(left.length, `${spec.code} gone after the fix, though ${spec.remains}`);
      assert.ok(
        !left.some(
          (d) =>
            d.range.start.line === diagnostic.range.start.line &&
            d.range.start.character === diagnostic.range.start.character,
        ),
      );
    } else
      assert.ok(left.length < diagnostics.length, `${spec.code} still reported ${left.length} time(s) after the fix`);
  });
}
