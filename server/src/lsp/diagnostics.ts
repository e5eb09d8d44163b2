import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineDiagnostic, Severity } from '../core';
import type { WorkbenchSettings } from './settings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What the editor's own JSON support reports already (VS Code's `json(…)` problems): syntax errors,
 * and duplicate object keys (its "Duplicate object key" warning).
 */
const EDITOR_REPORTED = new Set(['json.syntax', 'json.duplicate-key']);

/**
 * Engine diagnostics as LSP diagnostics, with the user's severity overrides applied. JSON syntax
 * errors and duplicate keys are left to the editor (VS Code reports them itself; the CLI keeps them) unless the
 * client asked for them (`initializationOptions.jsonSyntax`, for editors without a JSON checker).
 */
export function toLspDiagnostics(
  document: TextDocument,
  diagnostics: EngineDiagnostic[],
  settings: WorkbenchSettings,
  options: { jsonSyntax?: boolean } = {},
): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (EDITOR_REPORTED.has(d.code) && !options.jsonSyntax) continue;
    const override = settings.severityOverrides[d.code];
    if (override === 'off') continue;
    result.push({
      range: { start: document.positionAt(d.start), end: document.positionAt(Math.max(d.end, d.start)) },
      severity: SEVERITY[override ?? d.severity],
      code: d.code,
      source: 'plugin-workbench',
      message: d.message,
      data: d.data,
    });
  }
  return result;
}
