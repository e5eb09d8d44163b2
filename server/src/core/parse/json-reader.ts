import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { EngineDiagnostic, ParsedDocument, ValueNode } from '../types';
import { addItem, addProperty, arrayNode, objectNode, scalarNode } from './tree-builder';
import { excessiveNesting, tooDeep } from './limits';

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected a colon after the property name',
  CommaExpected: 'Expected a comma',
  CloseBraceExpected: 'Expected a closing brace',
  CloseBracketExpected: 'Expected a closing bracket',
  EndOfFileExpected: 'Unexpected content after the end of the JSON value',
  InvalidCommentToken: 'Comments are not allowed in JSON (the host reads strict JSON)',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

/** Reads a JSON file (strict JSON: the Go hosts use encoding/json) into one document. */
export function readJson(text: string): { documents: ParsedDocument[]; diagnostics: EngineDiagnostic[] } {
  // jsonc-parser and the converter below recurse per level: refuse absurd nesting before either.
  const deep = excessiveNesting(text, 'json');
  if (deep >= 0)
    return {
      documents: [{ root: undefined, start: 0, end: text.length, broken: true }],
      diagnostics: [tooDeep(deep, deep + 1)],
    };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  const diagnostics: EngineDiagnostic[] = errors.map((e) => {
    const code = printParseErrorCode(e.error);
    return {
      start: e.offset,
      end: Math.min(e.offset + Math.max(1, e.length), text.length), // an error at the end of the text stays inside it
      severity: 'error',
      code: 'json.syntax',
      message: MESSAGES[code] ?? code,
    };
  });
  const root = tree ? convert(tree, diagnostics) : undefined;
  return { documents: [{ root, start: 0, end: text.length, broken: errors.length > 0 }], diagnostics };
}

function convert(node: JsonNode, diagnostics: EngineDiagnostic[]): ValueNode {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const object = objectNode(start, end);
      const seen = new Set<string>();
      for (const child of node.children ?? []) {
        const [key, value] = child.children ?? [];
        if (!key) continue;
        // Go's encoding/json (the JSON hosts) keeps the last of repeated keys without a word.
        if (seen.has(String(key.value)))
          diagnostics.push({
            start: key.offset,
            end: key.offset + key.length,
            severity: 'warning',
            code: 'json.duplicate-key',
            message: 'This key is repeated; the host keeps the last value silently.',
          });
        seen.add(String(key.value));
        const converted = value
          ? convert(value, diagnostics)
          : scalarNode(null, key.offset + key.length, key.offset + key.length);
        addProperty(object, String(key.value), key.offset, key.offset + key.length, converted);
      }
      return object;
    }
    case 'array': {
      const array = arrayNode(start, end);
      for (const child of node.children ?? []) addItem(array, convert(child, diagnostics));
      return array;
    }
    default:
      return scalarNode(node.value ?? null, start, end);
  }
}
