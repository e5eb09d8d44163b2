import type { FileAccess } from './workspace';
import type { EngineDiagnostic, Format, ParsedDocument, ScalarNode, Severity } from './types';
import type { YamlReadOptions } from './parse/yaml-reader';

// What differs between the plugin systems at the level of reading a file is data of this shape:
// format, YAML dialect, placeholder syntax and how a file is recognised. The tables themselves
// live with each system (server/src/systems/<system>/kinds.ts).

/**
 * A manifest kind's id (`<system>-<what>`). The core knows no kind: the per-system descriptors
 * (server/src/systems/) define them and hand the table to classification.
 */
export type KindId = string;
/** A plugin system's id, the name of its folder under server/src/systems/. */
export type SystemId = string;

/** A declarative test on a document's root value, used to recognise a kind by content. */
export interface ContentSignature {
  /** The root must be an object with all of these keys. */
  allKeys?: string[];
  /** ... and at least one of these. */
  anyKeys?: string[];
  /** ... and these keys must hold one of the given scalar values. */
  values?: Record<string, Array<string | number | boolean>>;
  /** ... and these keys must hold a value of this type. */
  types?: Record<string, 'object' | 'array' | 'string'>;
  /** ... and these keys must hold a list whose first object item has at least one of the keys. */
  listItemKeys?: Record<string, string[]>;
  /** ... and none of these keys. */
  noKeys?: string[];
}

/** What a host's decoder says of a scalar where the schema expects `expected` JSON types. */
export type TypeVerdict = 'accept' | 'schema' | { severity: Severity; message: string; replace?: string };

/** How a host's decoder differs from a strict JSON-schema reading of the value tree. */
export interface HostDecoding {
  /** Struct keys match ignoring case (Go's encoding/json, mapstructure): warning + rename. */
  caseInsensitiveKeys?: boolean;
  /** Named in the key-case message, e.g. "Go's encoding/json". */
  keyMatcher?: string;
  /** The host ignores keys it does not know (mapstructure without ErrorUnused): warning, not error. */
  unknownKeys?: 'warning';
  /** `null` reaches an enum's UnmarshalJSON as "" (encoding/json into a Go string type). */
  nullIsEmptyText?: boolean;
  /**
   * `schemaPassed` is true when ajv raised no type error on the node (the host may still refuse
   * it, e.g. a float into an integer, a timestamp into a string, +Inf before JSON marshalling).
   * 'schema' keeps the schema's verdict.
   */
  judge(expected: Set<string>, node: ScalarNode, schemaPassed?: boolean): TypeVerdict;
  /**
   * What the host makes of a schema finding (its `data` has the ajv keyword and pointer):
   * undefined keeps it as mapped (an error); a severity lowers it where the host does not refuse
   * the file for it (docs/ARCHITECTURE.md, severity policy), `note` is added to the message.
   */
  schemaFinding?(
    finding: EngineDiagnostic,
    document: ParsedDocument,
  ): { severity: Severity; note?: string } | undefined;
}

export interface KindDefinition {
  id: KindId;
  system: SystemId;
  title: string;
  format: Format;
  /** YAML dialect of the host's parser. */
  yamlVersion?: '1.1' | '1.2';
  /** The host reads every `---` document (otherwise only the first). */
  multiDocument?: boolean;
  /** How the host's YAML decoder types values and treats repeated keys (see YamlReadOptions). */
  yaml?: Omit<YamlReadOptions, 'version'>;
  /**
   * The host cuts the raw text into sections at this separator before any YAML parsing and
   * decodes only the first document of each section (CloudQuery: `"\n---\n"`).
   */
  rawSeparator?: RegExp;
  /** The host decoder's own typing rules, applied around the schema check. */
  decoding?: HostDecoding;
  /** The host expands `${...}` in the raw text before parsing. */
  textPlaceholders?: boolean;
  /** Which `${...}` forms the host expands (`env`, `file`, `time`); all when unset. */
  placeholderTypes?: readonly string[];
  /** Scalar values the host expands later (never a type error). */
  valuePlaceholders?: RegExp[];
  /** Paths (with `/` separators) that are this kind by name and place. */
  paths?: RegExp[];
  /** Recognises the kind by content, optionally only at certain paths. */
  content?: { signatures: ContentSignature[]; paths?: RegExp[] };
  /**
   * A file still being written (empty, or only these top-level keys) is this kind when a file of
   * the same format in its folder is recognised as this kind by content: a new `prod.yml` next to
   * the `sync.yml` of a CloudQuery folder gets completion from its first line.
   */
  startedBeside?: { keys: string[] };
  /**
   * Recognises a YAML or JSON file by what lies around it (a sibling file, a project config
   * above), after path and content found nothing. Gets the absolute path.
   */
  byNeighbours?: (file: string, files: FileAccess) => boolean;
  /**
   * With `paths`: the file is this kind only when its place says so too (a Makefile beside a
   * gatewayd_plugin.yaml, a go.mod requiring eKuiper's contract). `text` is empty for binaries.
   */
  place?: (file: string, text: string, files: FileAccess) => boolean;
  /** Dot-folders a folder walk enters for this kind (others are skipped). */
  dotFolders?: string[];
  /** Host documentation. */
  docs: string;
}

/** The kinds classification chooses from, in order of precedence. */
export type KindTable = readonly KindDefinition[];
