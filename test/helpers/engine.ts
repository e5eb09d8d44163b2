import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../server/src/analysis';
import type { KindId } from '../../server/src/core';
import { toReported, type ReportedDiagnostic } from '../../server/src/cli/report';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

let shared: Engine | undefined;

/** Runs the real engine over a text as if it were the file at `file`; 1-based positions. */
export async function checkText(
  kind: KindId | undefined,
  text: string,
  file = 'manifest.yaml',
): Promise<{ kind?: KindId; diagnostics: ReportedDiagnostic[] }> {
  shared ??= new Engine();
  const analysis = await shared.analyze({ path: file, text, forcedKind: kind });
  return { kind: analysis.kind, diagnostics: toReported(text, analysis.diagnostics) };
}

/** `code@line` strings, sorted, for compact assertions. */
export function codesAtLines(diagnostics: ReportedDiagnostic[], severities = ['error', 'warning']): string[] {
  return diagnostics
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${d.code}@${d.line}`)
    .sort();
}

/** A fresh temporary folder with the given files (relative path -> content). */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-test-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

/**
 * Feeds one engine the versions of a file one after the other (as an editor does) and checks each
 * against a fresh engine reading that text alone; returns, per version, the lines of the
 * diagnostics `pick` selects.
 */
export async function linesPerVersion(
  file: string,
  versions: string[],
  pick: (d: ReportedDiagnostic) => boolean,
): Promise<number[][]> {
  const incremental = new Engine();
  const lines: number[][] = [];
  for (const [i, text] of versions.entries()) {
    const a = await incremental.analyze({ path: file, text, version: i + 1 });
    const b = await new Engine().analyze({ path: file, text });
    assert.deepEqual(a.diagnostics, b.diagnostics, `version ${i + 1}`);
    lines.push(
      toReported(text, a.diagnostics)
        .filter(pick)
        .map((d) => d.line),
    );
  }
  return lines;
}
