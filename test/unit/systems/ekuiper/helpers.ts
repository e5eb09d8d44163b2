import * as fs from 'node:fs';
import { Engine } from '../../../../server/src/analysis';
import type { EngineDiagnostic, KindId } from '../../../../server/src/core';
import { checkText, codesAtLines } from '../../../helpers/engine';
import type { ReportedDiagnostic } from '../../../../server/src/cli/report';

/**
 * A portable manifest with one key per line:
 * 1 {  2 version  3 language  4 executable  5 sources [  6 "<source>"  7 ]  8 sinks [  9 "file"  10 ]  11 }
 */
export function manifest(
  options: { executable?: string; language?: string; source?: string; name?: string } = {},
): string {
  return [
    '{',
    options.name === undefined ? '  "version": "v1.0.0",' : `  "name": "${options.name}",`,
    `  "language": "${options.language ?? 'go'}",`,
    `  "executable": "${options.executable ?? 'mirror'}",`,
    '  "sources": [',
    `    "${options.source ?? 'random'}"`,
    '  ],',
    '  "sinks": [',
    '    "file"',
    '  ]',
    '}',
    '',
  ].join('\n');
}

/** Plugin metadata of a source or sink, `about` on line 2. */
export function metadata(
  options: { category?: string; sink?: boolean; description?: Record<string, string> } = {},
): string {
  return JSON.stringify(
    {
      about: {
        trial: false,
        author: { name: 'Acme' },
        description: options.description ?? { en_US: 'A plugin', zh_CN: '插件' },
      },
      properties: options.sink ? [] : { default: [] },
      node: { category: options.category ?? (options.sink ? 'sink' : 'source'), icon: 'icon.svg' },
    },
    null,
    2,
  );
}

/** Runs the real engine on the file as it is on disk. */
export async function diagnosticsOf(kind: KindId, file: string): Promise<ReportedDiagnostic[]> {
  return (await checkText(kind, fs.readFileSync(file, 'utf8'), file)).diagnostics;
}

/** `code@line` of errors and warnings, restricted to eKuiper rule codes given (all when omitted). */
export async function codesOf(kind: KindId, file: string, codes?: string[]): Promise<string[]> {
  const all = codesAtLines(await diagnosticsOf(kind, file));
  return codes ? all.filter((entry) => codes.includes(entry.split('@')[0])) : all;
}

export async function find(kind: KindId, file: string, code: string): Promise<ReportedDiagnostic | undefined> {
  return (await diagnosticsOf(kind, file)).find((d) => d.code === code);
}

let engine: Engine | undefined;

/** The engine's own diagnostics (with `data` for quick fixes) of one code. */
export async function dataOf(kind: KindId, file: string, code: string): Promise<EngineDiagnostic['data'][]> {
  engine ??= new Engine();
  const analysis = await engine.analyze({ path: file, text: fs.readFileSync(file, 'utf8'), forcedKind: kind });
  return analysis.diagnostics.filter((d) => d.code === code).map((d) => d.data);
}
