import type { EngineDiagnostic, Format } from '../core';

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
  if (!text.includes(SUPPRESSION_DIRECTIVE)) return diagnostics;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const lineText = (line: number) => text.slice(lineStarts[line], line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length);
  return diagnostics.filter((d) => {
    const line = lineOf(d.start);
    if (line === 0) return true;
    const codes = directiveCodes(lineText(line - 1));
    return codes === undefined || (codes.length > 0 && !codes.includes(d.code));
  });
}
