import { LineIndex, type EngineDiagnostic, type Format } from '../core';

/**
 * `# plugin-workbench-disable-next-line <code>[, <code>]` on the line above a problem hides it, in
 * the editor and in the CLI alike. Without a code it hides every problem of the next line. JSON
 * has no comments; a `//` line is recognised for JSONC-like files, but strict JSON hosts (the Go
 * ones) refuse it, so no quick fix writes one there.
 */
export const SUPPRESSION_DIRECTIVE = 'plugin-workbench-disable-next-line';

const DIRECTIVE = new RegExp(`^\\s*(?:#|//)\\s*${SUPPRESSION_DIRECTIVE}(?:\\s+([^\\n]*))?$`);

/** The comment marker a format writes suppressions with; undefined where the file cannot hold one. */
export function suppressionComment(format: Format): string | undefined {
  return format === 'json' ? undefined : '#';
}

/** Codes a directive line names: [] for "every code", undefined when the line is no directive. */
export function directiveCodes(line: string): string[] | undefined {
  const match = DIRECTIVE.exec(line.replace(/\r$/, ''));
  if (!match) return undefined;
  return (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
}

/** The diagnostics left once the directives in `text` are applied. */
export function applySuppressions(text: string, diagnostics: EngineDiagnostic[]): EngineDiagnostic[] {
  if (!diagnostics.length || !text.includes(SUPPRESSION_DIRECTIVE)) return diagnostics;
  const index = new LineIndex(text);
  const lineText = (line: number) => text.slice(index.lineStart(line), index.lineEnd(line));
  return diagnostics.filter((d) => {
    const line = index.positionAt(d.start).line;
    if (line === 0) return true;
    const codes = directiveCodes(lineText(line - 1));
    return codes === undefined || (codes.length > 0 && !codes.includes(d.code));
  });
}
