import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { directiveCodes, suppressionComment, SUPPRESSION_DIRECTIVE } from '../../analysis/suppression';
import type { FixInput } from './fix';
import { toTextEdit } from './fix';

/**
 * "Suppress <code> on this line": a `# plugin-workbench-disable-next-line <code>` comment above
 * the problem's line at its indentation, or the code added to the directive already there. Not in
 * JSON, which has no comments its hosts accept.
 */
export function suppressOnLine(input: FixInput): CodeAction[] {
  const code = input.diagnostic.code;
  const marker = suppressionComment(input.format);
  if (typeof code !== 'string' || !marker) return [];
  const { document, text } = input;
  const line = input.diagnostic.range.start.line;
  const lineStart = document.offsetAt({ line, character: 0 });
  const lineText = text.slice(lineStart, document.offsetAt({ line: line + 1, character: 0 })).replace(/\r?\n$/, '');
  let edit;
  if (line > 0) {
    const aboveStart = document.offsetAt({ line: line - 1, character: 0 });
    const above = text.slice(aboveStart, lineStart).replace(/\r?\n$/, '');
    const codes = directiveCodes(above);
    if (codes && codes.length) {
      const end = aboveStart + above.trimEnd().length;
      edit = { start: end, end, newText: `, ${code}` };
    }
  }
  if (!edit) {
    const indent = /^[ \t]*/.exec(lineText)![0];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    edit = { start: lineStart, end: lineStart, newText: `${indent}${marker} ${SUPPRESSION_DIRECTIVE} ${code}${eol}` };
  }
  return [
    {
      title: `Suppress ${code} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [input.diagnostic],
      edit: { changes: { [document.uri]: [toTextEdit(document, edit)] } },
    },
  ];
}
