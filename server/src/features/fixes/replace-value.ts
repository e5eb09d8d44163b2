import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { keepQuotes, type FixBuilder, type FixInput } from './fix';

function replaceAction(input: FixInput, value: string, title: string, preferred: boolean): CodeAction {
  const original = input.document.getText(input.diagnostic.range);
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [input.diagnostic],
    isPreferred: preferred,
    edit: { changes: { [input.document.uri]: [{ range: input.diagnostic.range, newText: keepQuotes(original, value) }] } },
  };
}

/** `data.replace`: the one right value (a kebab-case id, the exact cookie line, a category ...). */
export const replaceWithKnownValue: FixBuilder = (input) =>
  typeof input.data.replace === 'string' ? [replaceAction(input, input.data.replace, `Change to "${input.data.replace}"`, true)] : [];

/** `data.computed`: the checksum the binary really has. */
export const replaceWithComputedChecksum: FixBuilder = (input) =>
  typeof input.data.computed === 'string' ? [replaceAction(input, input.data.computed, 'Use the SHA-256 of the binary at localPath', true)] : [];

/** `data.suggestion` (closest allowed value, key or name), then each allowed value. */
export const replaceWithSuggestion: FixBuilder = (input) => {
  const actions: CodeAction[] = [];
  if (typeof input.data.suggestion === 'string') actions.push(replaceAction(input, input.data.suggestion, `Change to "${input.data.suggestion}"`, true));
  if (input.data.keyword === 'enum' && Array.isArray(input.data.allowed)) {
    for (const value of input.data.allowed.slice(0, 12)) {
      if (value !== input.data.suggestion && typeof value !== 'object') actions.push(replaceAction(input, String(value), `Change to "${String(value)}"`, false));
    }
  }
  return actions;
};
