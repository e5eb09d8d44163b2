import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/engine';

/** VS Code's own commands the walkthrough runs (the e2e suite checks that the real VS Code has them). */
const BUILT_IN = ['workbench.action.tasks.build', 'workbench.action.debug.start', 'workbench.actions.view.problems'];

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; altText: string };
  completionEvents?: string[];
}

test('the getting-started walkthrough: system, New Plugin, build, F5, fix; each step with an image in the package', () => {
  const [walkthrough] = manifest.contributes.walkthroughs as Array<{ id: string; steps: Step[] }>;
  assert.equal(walkthrough.id, 'gettingStarted');
  assert.deepEqual(
    walkthrough.steps.map((s) => s.id),
    ['pickSystem', 'newPlugin', 'build', 'run', 'fix'],
  );
  for (const step of walkthrough.steps) {
    const media = step.media.svg ?? step.media.image;
    assert.ok(media && fs.existsSync(path.join(REPO_ROOT, media)), `${step.id}: ${media}`);
    assert.ok(step.media.altText.length > 10, `${step.id} has alt text`);
    assert.ok(
      (manifest.files as string[]).some((f) => f.endsWith('*.svg') && media.startsWith(path.dirname(f))),
      'packaged',
    );
  }
});

test("the walkthrough's commands exist: ours are contributed, the others are VS Code's", () => {
  const ours = new Set((manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command));
  const [walkthrough] = manifest.contributes.walkthroughs as Array<{ steps: Step[] }>;
  const used = walkthrough.steps.flatMap((step) => [
    ...[...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]),
    ...(step.completionEvents ?? []).map((e) => e.replace(/^onCommand:/, '')),
  ]);
  assert.ok(used.length >= 5);
  for (const command of used)
    assert.ok(ours.has(command) || BUILT_IN.includes(command), `${command} is neither ours nor a listed built-in`);
  assert.ok(used.includes('pluginWorkbench.newPlugin'));
});
