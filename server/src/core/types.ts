// Shared shapes of the engine. Offsets are UTF-16 code-unit indexes into the original text,
// so they map 1:1 onto LSP positions and onto the CLI's line/column output.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** `text`: a file its rules read themselves (go.mod, Makefile, program sources); `binary`: bytes (a zip). */
export type Format = 'yaml' | 'json' | 'toml' | 'text' | 'binary';

/** A value in a parsed document, with the source span it came from. */
export type ValueNode = ObjectNode | ArrayNode | ScalarNode;

interface NodeBase {
  start: number;
  end: number;
  /** The property whose value this is (absent for array items and document roots). */
  property?: PropertyNode;
  /** The array holding this node, when it is an item. */
  parentArray?: ArrayNode;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
  /** Values a YAML merge key (`<<`) brought in that a local key replaced: the host still decodes them. */
  shadowed?: PropertyNode[];
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: ValueNode[];
}

export interface ScalarNode extends NodeBase {
  type: 'scalar';
  value: string | number | boolean | null;
  /** The host expands this value (e.g. `${VAR}`) before it reads it: its type is unknown. */
  placeholder?: boolean;
  /** The type the host's decoder gives the value, where the reader knows it (`1.0` is a float). */
  tag?: 'null' | 'bool' | 'int' | 'float' | 'string' | 'time' | 'binary' | 'date';
  /** Written in quotes (or as a block scalar): always text to the host. */
  quoted?: boolean;
  /** The exact integer when it is too large for a JS number. */
  big?: bigint;
}

export interface PropertyNode {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: ValueNode;
  parent: ObjectNode;
}

export interface EngineDiagnostic {
  start: number;
  end: number;
  severity: Severity;
  /** Stable id, e.g. `gatewayd.checksum-format`. */
  code: string;
  message: string;
  /** Extra data for quick fixes (e.g. the computed checksum). */
  data?: Record<string, unknown>;
}

export interface ParsedDocument {
  /** Undefined for an empty document. */
  root: ValueNode | undefined;
  start: number;
  end: number;
  /** Set when the document has a syntax error: schema checks are skipped for it unless it was recovered. */
  broken: boolean;
  /** Broken, but `root` was read again with the lines of its syntax errors blanked: schema checks run on it. */
  recovered?: boolean;
}

export interface ParsedFile {
  format: Format;
  /** The text that was parsed (placeholders replaced by same-length stand-ins). */
  text: string;
  documents: ParsedDocument[];
  /** Syntax and size problems. */
  diagnostics: EngineDiagnostic[];
  /** Spans of host-expanded placeholders in the text. */
  placeholders: PlaceholderSpan[];
}

export interface PlaceholderSpan {
  start: number;
  end: number;
  /** e.g. `env`, `file`, `time`. */
  type: string;
  /** What is inside `${...}`, after the type prefix. */
  body: string;
}
