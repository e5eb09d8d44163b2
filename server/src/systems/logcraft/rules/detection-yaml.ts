import { isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';

// lgc reads every detection with `serde_yaml_ng::from_slice::<serde_json::Value>`
// (libs/lgc-common/src/configuration.rs read_plugin_files; serde_yaml_ng 0.10 src/de.rs), and a
// failure aborts the command. What it refuses that a YAML reader accepts:
// - a second document, even an empty one after a trailing `---`: "deserializing from YAML
//   containing more than one document is not supported";
// - a local tag (`!foo`) on a value: deserialize_any turns it into an enum, which a JSON value is
//   not ("invalid type: enum, expected any valid JSON value"); `!!str` and friends are fine;
// - a key that is a sequence or a mapping (`? [a, b]`): JSON keys are strings;
// - a byte-order mark before a mapping of several keys: serde_yaml_ng forces UTF-8 on libyaml,
//   which then skips the BOM as a column, so the second key (column 0) ends the mapping:
//   "did not find expected <document start>".
// Repeated keys load (serde_json's map keeps the last): the reader reports them as warnings.

const SERDE = 'serde_yaml_ng (lgc)';

export const detectionYaml: Rule = {
  id: 'logcraft.detection-yaml',
  kinds: ['logcraft-detection'],
  check(context) {
    const diagnostics: EngineDiagnostic[] = [];
    const push = (start: number, end: number, message: string) =>
      diagnostics.push({
        start,
        end: Math.max(end, start + 1),
        severity: 'error',
        code: 'logcraft.detection-yaml',
        message,
      });
    const docs = parseAllDocuments(context.text, { version: '1.2', uniqueKeys: false, prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((doc) => doc.errors.length)) return []; // the reader reports syntax errors
    if (list.length > 1) {
      const second = list[1];
      const empty = !second.contents || (isScalar(second.contents) && second.contents.value === null);
      const at = Math.max(0, context.text.lastIndexOf('---', second.range[0] + 3));
      push(
        at,
        at + 3,
        `${SERDE}: deserializing from YAML containing more than one document is not supported. lgc reads one detection per file: remove this "---"${empty ? '' : ' and move the document below into a file of its own'}.`,
      );
    }
    const first = list[0];
    if (first?.contents) visit(first.contents as YamlNode, push, 0);
    if (first && isMap(first.contents) && first.contents.items.length > 1 && startsWithBom(context)) {
      const second = first.contents.items[1];
      const key = isNode(second.key) ? second.key : undefined;
      const start = key?.range?.[0] ?? 0;
      push(
        start,
        key?.range?.[1] ?? start + 1,
        `${SERDE}: did not find expected <document start>. The file starts with a byte-order mark, which libyaml counts as a column, so this key no longer belongs to the mapping. Save the file without the BOM.`,
      );
    }
    return diagnostics;
  },
};

function visit(node: YamlNode, push: (start: number, end: number, message: string) => void, depth: number): void {
  if (depth > 64) return;
  const [start, end] = node.range ?? [0, 0];
  if (node.tag && localTag(node.tag)) {
    push(
      start,
      end,
      `${SERDE}: invalid type: enum, expected any valid JSON value. The custom tag ${node.tag} makes this value an enum variant, which a detection cannot hold: remove the tag.`,
    );
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      if (key && (isMap(key) || isSeq(key))) {
        const [ks, ke] = key.range ?? [start, start + 1];
        push(
          ks,
          ke,
          `${SERDE}: invalid type: ${isMap(key) ? 'map' : 'sequence'}, expected a string. A detection is read as JSON, whose keys are strings: use a plain key.`,
        );
      }
      if (pair.value && isNode(pair.value)) visit(pair.value as YamlNode, push, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) if (isNode(item)) visit(item as YamlNode, push, depth + 1);
  } else if (isScalar(node)) {
    return;
  }
}

/** `!foo` (a local tag); libyaml expands `!!x` to tag:yaml.org,2002:x, which serde_yaml_ng reads normally. */
function localTag(tag: string): boolean {
  return tag.startsWith('!') && !tag.startsWith('!!');
}

/** The file on disk starts with a BOM and holds the text being checked (editors and our reader drop it). */
function startsWithBom(context: Parameters<Rule['check']>[0]): boolean {
  if (context.text.charCodeAt(0) === 0xfeff) return true;
  const disk = context.files.readText(context.path);
  return disk !== undefined && disk.charCodeAt(0) === 0xfeff && disk.slice(1) === context.text;
}
