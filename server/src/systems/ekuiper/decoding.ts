import { nodeAtPointer, type EngineDiagnostic, type HostDecoding, type ValueNode } from '../../core';
import { goRefusal, type GoShape } from '../shared/go-json';

// What eKuiper does with a plugin's metadata JSON (internal/meta/):
// - functions/<name>.json: func_meta.go readFuncMetaFile reads the bytes and serves them as they
//   are in GET /metadata/functions; nothing decodes them, so nothing in them is refused.
// - sources/<name>.json: sourceMeta.go ReadSourceMetaFile ignores json.Unmarshal's error
//   (`_ = filex.ReadJsonUnmarshal(...)`) and refuses only a file whose `about` did not decode
//   ("not found about of <file>"): not JSON, no `about`, or an `about` that is not an object.
// - sinks/<name>.json: sinkMeta.go ReadSinkMetaFile refuses any json.Unmarshal error into
//   fileSink (a value of the wrong JSON type in a typed field) and a missing `about`.
// Everything else our schemas say about these files is advice for the management console: a warning.

const LANGUAGE: GoShape = { struct: 'fileLanguage', fields: { en_US: 'string', zh_CN: 'string' } };
const FIELD: GoShape = {
  struct: 'fileField',
  fields: {
    name: 'string',
    default: 'any',
    control: 'string',
    connection_related: 'bool',
    optional: 'bool',
    type: 'string',
    hint: LANGUAGE,
    label: LANGUAGE,
    values: 'any',
  },
};
const ABOUT: GoShape = {
  struct: 'fileAbout',
  fields: {
    trial: 'bool',
    installed: 'bool',
    author: { struct: 'author', fields: { name: 'string', email: 'string', company: 'string', website: 'string' } },
    helpUrl: LANGUAGE,
    description: LANGUAGE,
  },
};
/** sinkMeta.go fileSink. */
const SINK: GoShape = {
  struct: 'fileSink',
  fields: { about: ABOUT, libs: { slice: 'string' }, properties: { slice: FIELD }, node: 'any' },
};

const FUNCTION_NOTE =
  'eKuiper never decodes function metadata (it serves the file as written): only the management console is affected.';
const SOURCE_NOTE =
  'eKuiper loads the file anyway (ReadSourceMetaFile ignores decoding errors); the management console may show it wrong.';
const SINK_NOTE = 'eKuiper loads the file (its decoder does not check this); the management console may show it wrong.';
const ABOUT_NOTE = 'eKuiper refuses the file: "not found about of <file>".';

const keeps = (finding: EngineDiagnostic): boolean =>
  finding.data?.pointer === '' && finding.data?.keyword === 'required' && finding.data?.key === 'about';
const aboutType = (finding: EngineDiagnostic): boolean =>
  finding.data?.pointer === '/about' && finding.data?.keyword === 'type';

const BASE = { caseInsensitiveKeys: true, keyMatcher: "Go's encoding/json", judge: () => 'schema' as const };

export const EKUIPER_FUNCTION_DECODING: HostDecoding = {
  ...BASE,
  schemaFinding: (finding) => (finding.severity === 'error' ? { severity: 'warning', note: FUNCTION_NOTE } : undefined),
};

export const EKUIPER_SOURCE_DECODING: HostDecoding = {
  ...BASE,
  schemaFinding(finding) {
    if (finding.severity !== 'error') return undefined;
    if (keeps(finding) || aboutType(finding)) return { severity: 'error', note: ABOUT_NOTE };
    return { severity: 'warning', note: SOURCE_NOTE };
  },
};

export const EKUIPER_SINK_DECODING: HostDecoding = {
  ...BASE,
  schemaFinding(finding, document) {
    if (finding.severity !== 'error') return undefined;
    if (keeps(finding)) return { severity: 'error', note: ABOUT_NOTE };
    const pointer = typeof finding.data?.pointer === 'string' ? finding.data.pointer : undefined;
    const node: ValueNode | undefined = pointer === undefined ? undefined : nodeAtPointer(document.root, pointer);
    const refusal = node && pointer !== undefined ? goRefusal(SINK, pointer, node) : undefined;
    if (refusal) return { severity: 'error', note: `eKuiper refuses the file: ${refusal}.` };
    return { severity: 'warning', note: SINK_NOTE };
  },
};
