import type { FileReport } from '../report';

/** `path:line:col: severity code: message`, like a compiler. */
export function formatText(files: FileReport[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics)
      lines.push(`${file.path}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function summary(files: FileReport[]): string {
  const count = (severity: string) =>
    files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === severity).length, 0);
  const errors = count('error');
  const warnings = count('warning');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files.length, 'manifest')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
