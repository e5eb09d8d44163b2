import { getLocation, parseTree, findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { readYaml, readToml, toValue, type Format } from '../core';
import type { PathSegment } from '../schemas/navigator';
import { LinesAbove } from './lines-above';

/** Where the cursor is in a (possibly half-typed) manifest. */
export interface CursorContext {
  /** Path of the object (key position) or of the value (value position). */
  path: PathSegment[];
  position: 'key' | 'value';
  /** What is typed so far at the cursor, replaced by a completion. */
  partial: string;
  replaceStart: number;
  /** Keys already in the object at a key position. */
  existing: Set<string>;
  /** Column of keys at a key position (YAML/TOML indentation for snippets). */
  indent: number;
  /** Leading whitespace of the cursor's line (less than `indent` after a list dash). */
  lineIndent: number;
  /** The document's value as far as it parses, to decide schema conditions. */
  documentValue: unknown;
  /** A value position inside a flow/inline list (`[a, |]`): items are offered. */
  inList: boolean;
}

/**
 * `parsedValue`: the value of the YAML document at the cursor when the whole text parses (from the
 * cached analysis): it spares parsing the document again without the cursor's line.
 */
export function cursorContext(
  format: Format,
  text: string,
  offset: number,
  yamlVersion: '1.1' | '1.2' = '1.2',
  parsedValue?: unknown,
): CursorContext | undefined {
  if (format === 'json') return jsonContext(text, offset);
  if (format === 'toml') return tomlContext(text, offset);
  return yamlContext(text, offset, yamlVersion, parsedValue);
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);
/** A line the parent walk takes for a list item (its dashes and content), or a lone dash. */
const LIST_ITEM = /^(\s*)((?:- )+)(.*)$/;
const LONE_DASH = /^(\s*)(-)\s*$/;

function yamlContext(text: string, offset: number, version: '1.1' | '1.2', parsedValue?: unknown): CursorContext {
  // A lone CR ends a line in YAML too (CRLF ends at its LF).
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
  const before = text.slice(lineStart, offset);
  // The document the cursor is in: from the last `---` above to the next one below. Its bounds are
  // found only where they are needed (a completion at a value needs neither).
  const above = new LinesAbove(text, lineStart);
  let docEnd: number | undefined;
  const documentEnd = () => {
    if (docEnd === undefined) {
      const nextDoc = text.slice(lineEnd).search(/\n---(\s|$)/);
      docEnd = nextDoc === -1 ? text.length : lineEnd + nextDoc;
    }
    return docEnd;
  };
  // Parse the document without the cursor's line: what is being typed is usually what breaks it.
  const documentValue =
    parsedValue !== undefined
      ? parsedValue
      : toValue(
          readYaml(text.slice(above.documentStart(), lineStart) + text.slice(lineEnd, documentEnd()), { version })
            .documents[0]?.root,
        );

  // Key or value position on this line.
  // [^]* not .*: U+2028/U+2029 are content in YAML 1.2, and `.` stops at them.
  const item = /^(\s*)((?:- )+)?([^]*)$/.exec(before)!;
  const dashes = item[2] ?? '';
  const content = item[3];
  const contentColumn = item[1].length + dashes.length;
  const keyValue = /^("?)([^"#:]+?)\1\s*:\s+(.*)$/.exec(content) ?? /^("?)([^"#:]+?)\1\s*:$/.exec(content);
  const flowStart = keyValue ? (keyValue[3]?.lastIndexOf('[') ?? -1) : -1;
  const inList = !!keyValue && flowStart >= 0 && !keyValue[3].slice(flowStart).includes(']');

  // Parent path from the indentation of the lines above: each parent has a smaller indentation,
  // except the key owning a block sequence, which may sit at its items' dash column.
  const path: PathSegment[] = [];
  let indent = contentColumn;
  let inSequence = false;
  let start = 0;
  if (dashes) {
    // On a new list item: count the items above it in the same sequence.
    const { index, skipTo } = itemIndex(above, 0, item[1].length);
    path.unshift(index);
    indent = item[1].length;
    inSequence = true;
    start = skipTo ?? 0;
  }
  for (let k = start, line = above.at(k); line !== undefined; line = above.at(++k)) {
    // At the margin outside a sequence nothing above can add to the path.
    if (indent === 0 && !inSequence) break;
    if (isBlankOrComment(line)) continue;
    const lineIndent = indentOf(line);
    const listItem = LIST_ITEM.exec(line) ?? LONE_DASH.exec(line);
    if (listItem) {
      if (inSequence && lineIndent === indent) continue; // an earlier item of the same sequence
      const itemContent = listItem[1].length + listItem[2].length;
      if (lineIndent < indent && itemContent <= indent) {
        // Inside this item: in its mapping (same column as its first key), or under a key it opens.
        const opensKey = /^("?)([^"#:]+?)\1\s*:\s*(#.*)?$/.exec(listItem[3] ?? '');
        if (itemContent < indent && opensKey) path.unshift(opensKey[2].trim());
        const { index, skipTo } = itemIndex(above, k, lineIndent, true);
        path.unshift(index);
        indent = lineIndent;
        inSequence = true;
        // The loop's step takes it to `skipTo`.
        if (skipTo !== undefined) k = skipTo - 1;
        continue;
      }
    }
    if (lineIndent < indent || (inSequence && lineIndent === indent)) {
      const opener = /^\s*("?)([^"#:]+?)\1\s*:\s*(#.*)?$/.exec(line) ?? /^\s*("?)([^"#:]+?)\1\s*:\s*[|>]/.exec(line);
      if (opener) {
        path.unshift(opener[2].trim());
        indent = lineIndent;
        inSequence = false;
      } else if (lineIndent < indent && /:\s*\S/.test(line)) {
        // A key with an inline value above us: we are not inside it; keep looking.
        indent = lineIndent;
        inSequence = false;
      }
    }
  }

  if (keyValue && !(dashes && !keyValue)) {
    const key = keyValue[2].trim();
    const valueText = keyValue[3] ?? '';
    const partialMatch = /[^\s\[,]*$/.exec(before)!;
    return {
      path: [...path, key, ...(inList ? [0] : [])],
      position: 'value',
      partial: partialMatch[0],
      replaceStart: offset - partialMatch[0].length,
      existing: new Set(),
      indent: contentColumn,
      lineIndent: item[1].length,
      documentValue,
      inList: inList || valueText === '',
    };
  }
  // A plain item of a scalar list (`- |` under destinations:) or a key being typed.
  const partial = content.replace(/^"/, '');
  return {
    path,
    position: 'key',
    partial,
    replaceStart: offset - partial.length,
    existing: siblingKeys(text, lineStart, lineEnd, contentColumn, above.documentStart(), documentEnd(), !!dashes),
    indent: contentColumn,
    lineIndent: item[1].length,
    documentValue,
    inList: false,
  };
}

/**
 * Index of the list item at `dashIndent` that a line belongs to (counting earlier items), and the
 * first line above the sequence (`skipTo`) when the parent walk has nothing to do on the lines
 * between: deeper lines and items at the dash column that it takes for items (LIST_ITEM); a dash
 * line it does not take for one (`-` and a tab, a CR it does not match) it may read as a key, so then
 * it walks them itself.
 */
function itemIndex(
  above: LinesAbove,
  from: number,
  dashIndent: number,
  includesCurrent = false,
): { index: number; skipTo?: number } {
  let count = 0;
  let passed = true;
  let k = from;
  for (let line = above.at(k); line !== undefined; line = above.at(++k)) {
    if (isBlankOrComment(line)) continue;
    const lineIndent = indentOf(line);
    if (lineIndent < dashIndent) break;
    if (lineIndent === dashIndent) {
      const trimmed = line.trimStart();
      if (!/^-(\s|$)/.test(trimmed)) break; // the sequence's own key, at the dash column
      if (!LIST_ITEM.test(line) && !LONE_DASH.test(line)) passed = false;
      count++;
    }
  }
  return { index: includesCurrent ? Math.max(0, count - 1) : count, skipTo: passed ? k : undefined };
}

/** Keys at the same indentation in the same block as the cursor's line. */
function siblingKeys(
  text: string,
  lineStart: number,
  lineEnd: number,
  column: number,
  docStart: number,
  docEnd: number,
  startsItem: boolean,
): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, to: number, step: 1 | -1) => {
    const lines = text.slice(from, to).split('\n');
    if (step < 0) lines.reverse();
    for (const line of lines) {
      if (isBlankOrComment(line)) continue;
      const lineIndent = indentOf(line);
      const dash = /^(\s*)- /.exec(line);
      if (lineIndent < column && !(dash && dash[1].length + 2 === column)) break;
      if (lineIndent === column || (dash && dash[1].length + 2 === column)) {
        const key = /^\s*(?:- )?("?)([^"#:]+?)\1\s*:/.exec(line);
        if (key) keys.add(key[2].trim());
        if (dash && step < 0) break; // the item's first line: the block starts here
        if (dash && step > 0 && dash[1].length + 2 === column) break; // the next item
      }
    }
  };
  // A line starting a list item (`- |`) begins its mapping: nothing above belongs to it.
  if (!startsItem) scan(docStart, Math.max(docStart, lineStart - 1), -1);
  scan(Math.min(docEnd, lineEnd + 1), docEnd, 1);
  return keys;
}

/** A key no manifest has, put where the user is typing a key so that the rest of the text parses. */
const PLACEHOLDER_KEY = '\u0000workbench-cursor';

function jsonContext(text: string, offset: number): CursorContext {
  const location = getLocation(text, offset);
  const path = location.path.slice() as PathSegment[];
  const wordMatch = /"?[^"\s{},:\[\]]*$/.exec(text.slice(0, offset))!;
  const partial = wordMatch[0];
  const replaceStart = offset - partial.length;
  if (location.isAtPropertyKey) {
    path.pop();
    // Replace what is being typed (with a closing quote the editor added) by a placeholder member:
    // the members after the cursor then parse as part of the same object.
    const after = text.slice(offset).replace(/^[^"\s{},:\[\]]*"?/, '');
    const patched = `${text.slice(0, replaceStart)}${JSON.stringify(PLACEHOLDER_KEY)}: null,${after}`;
    const tree = parseTree(patched, [], { allowTrailingComma: true });
    const owner = tree ? findNodeAtLocation(tree, path) : undefined;
    const existing = new Set(
      (owner?.children ?? []).map((p) => String(p.children?.[0]?.value)).filter((k) => k && k !== PLACEHOLDER_KEY),
    );
    const documentValue = tree ? toPlain(tree) : undefined;
    return {
      path,
      position: 'key',
      partial,
      replaceStart,
      existing,
      indent: 0,
      lineIndent: 0,
      documentValue,
      inList: false,
    };
  }
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const documentValue = tree ? toPlain(tree) : undefined;
  const inList = typeof path[path.length - 1] === 'number';
  return {
    path,
    position: 'value',
    partial,
    replaceStart,
    existing: new Set(),
    indent: 0,
    lineIndent: 0,
    documentValue,
    inList,
  };
}

function toPlain(node: JsonNode): unknown {
  if (node.type === 'object')
    return Object.fromEntries(
      (node.children ?? [])
        .filter((p) => p.children?.[0])
        .map((p) => [p.children![0].value, p.children![1] ? toPlain(p.children![1]) : null]),
    );
  if (node.type === 'array') return (node.children ?? []).map(toPlain);
  return node.value;
}

function tomlContext(text: string, offset: number): CursorContext {
  // A lone CR ends a line in YAML too (CRLF ends at its LF).
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  const above = text.slice(0, lineStart).split('\n');
  let path: PathSegment[] = [];
  let tableStart = 0;
  for (let i = above.length - 1; i >= 0; i--) {
    const header = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?/.exec(above[i]);
    if (header) {
      path = header[2].split('.').map((s) => s.trim().replace(/^"|"$/g, ''));
      if (header[1] === '[[') {
        // An array of tables: this header's index among the same headers above it.
        const same = above
          .slice(0, i)
          .filter(
            (l) => /^\s*\[\[/.test(l) && l.replace(/\s+/g, '').startsWith(`[[${header[2].replace(/\s+/g, '')}]]`),
          ).length;
        path.push(same);
      }
      tableStart = above.slice(0, i + 1).reduce((n, l) => n + l.length + 1, 0);
      break;
    }
  }
  const blanked =
    text.slice(0, lineStart) + text.slice(text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset));
  let documentValue: unknown;
  try {
    documentValue = toValue(readToml(blanked).documents[0]?.root);
  } catch {
    documentValue = undefined;
  }
  const keyValue = /^\s*([\w.\-"]+)\s*=\s*(.*)$/.exec(before);
  if (keyValue) {
    const partialMatch = /[^\s\[,"=]*$/.exec(before)!;
    const inList = keyValue[2].includes('[') && !keyValue[2].includes(']');
    return {
      path: [...path, ...keyValue[1].split('.').map((s) => s.replace(/^"|"$/g, '')), ...(inList ? [0] : [])],
      position: 'value',
      partial: partialMatch[0],
      replaceStart: offset - partialMatch[0].length,
      existing: new Set(),
      indent: 0,
      lineIndent: 0,
      documentValue,
      inList,
    };
  }
  const nextHeader = text.slice(offset).search(/\n\s*\[/);
  const block = text.slice(tableStart, nextHeader === -1 ? text.length : offset + nextHeader);
  const existing = new Set([...block.matchAll(/^\s*([\w\-"]+)\s*=/gm)].map((m) => m[1].replace(/^"|"$/g, '')));
  // Sub-tables count as present keys too ([services.x] under [services]).
  const partial = before.trim();
  return {
    path,
    position: 'key',
    partial,
    replaceStart: offset - partial.length,
    existing,
    indent: 0,
    lineIndent: 0,
    documentValue,
    inList: false,
  };
}
