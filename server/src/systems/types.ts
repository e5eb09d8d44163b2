import type { FileAccess, KindDefinition, KindId, SystemId, ValueNode } from '../core';
import type { PathSegment } from '../schemas/navigator';
import type { Rule, RuleContext } from './rule';
import type { HostDescriptor, ProjectKind, ToolInfo } from './projects';
import type { NameProvider } from './name-sites';

// The shape of what one plugin system knows. Each folder under systems/ exports one
// SystemDescriptor from its index.ts; generic code (features, lsp, cli, client) iterates them and
// names no system. Everything here is plain data or pure functions: no editor, no protocol.

/** How an outline symbol is shown (mapped to the LSP SymbolKind by the outline feature). */
export type SymbolKindName = 'module' | 'namespace' | 'event' | 'function' | 'field';

/**
 * One line of a kind's outline.
 * - `path`: where the node is, from the document root (see core/path-pattern.ts): keys
 *   separated by `.`, `*` for any key, `[]` for any list item; `''` is the document itself.
 * - `label`/`detail`: templates; `{field.sub}` is a scalar under the node, `{@key}` the node's key,
 *   `{@value}` its scalar value, `{@index}` its list index; `{a|b}` takes the first that exists.
 * - `select`: the field whose value is selected (default: the first field the label read).
 * A symbol's children are the table's matches below it.
 */
export interface OutlineRow {
  path: string;
  label: string;
  kind?: SymbolKindName;
  detail?: string;
  select?: string;
}

/** Where a value may point: candidate files in order of preference; the first that exists is linked. */
export type LinkResolver = (value: string, context: RuleContext, root?: ValueNode) => string[];

/** A value that names a file or folder: which kind, where (path notation as in OutlineRow), how it resolves. */
export interface LinkRow {
  kind: KindId;
  path: string;
  resolve: LinkResolver;
}

/** A value known for a place: its text, or its text and what it is (the completion item's detail). */
export type KnownValue = string | { value: string; detail: string };

/** Values known from the workspace for a place in a manifest (path notation as in OutlineRow). */
export interface ValueSource {
  kind: KindId;
  path: string;
  /** Each value as text, or with what it is when "defined in this workspace" would not say it. */
  values(context: RuleContext): KnownValue[] | Promise<KnownValue[]>;
}

/** What a project file's token means, for the hover: its span and Markdown. */
export interface EditorHover {
  start: number;
  end: number;
  markdown: string;
}

/** Values to offer at the cursor of a project file: the span they replace and the items, best first. */
export interface EditorCompletion {
  start: number;
  end: number;
  items: Array<{ label: string; detail?: string; documentation?: string }>;
}

/**
 * Hover and completion for the files of a kind that has no schema (go.mod, program sources,
 * Makefiles, workflows): the system reads the file with the parser its rules use and answers
 * only on the tokens it knows (never inside a comment or another string).
 */
export interface ProjectEditor {
  kinds: readonly KindId[];
  hover?(context: RuleContext, offset: number): EditorHover | undefined | Promise<EditorHover | undefined>;
  complete?(context: RuleContext, offset: number): EditorCompletion | undefined | Promise<EditorCompletion | undefined>;
}

/** A value that names something declared elsewhere (go to definition). */
export interface ReferenceRow {
  /** Path notation as in OutlineRow; `undefined`: anywhere in the document (with a pattern). */
  path?: string;
  /** What it names (the resolver's vocabulary, e.g. a CloudQuery spec kind). */
  target: string;
  /** The name sits inside the value: the pattern's first group. */
  pattern?: RegExp;
}

/** Where a name is declared: a file and the offsets of the declaring node in it. */
export interface Declaration {
  file: string;
  start: number;
  end: number;
}

export interface ReferenceProvider {
  kind: KindId;
  references: ReferenceRow[];
  declarations(context: RuleContext, target: string, name: string): Declaration[];
}

/**
 * A snippet of a manifest (systems/<system>/snippets.json), offered by completion at a key
 * position of a file of one of `kinds` whose path is one of `at` (notation as in OutlineRow; `*`
 * alone: any key position at the start of a line, for TOML tables). Body lines are relative to the
 * cursor's line (VS Code adds its indentation).
 */
export interface ManifestSnippet {
  prefix: string;
  description: string;
  kinds: string[];
  at: string[];
  body: string[];
}

/**
 * A code lens that runs something of a plugin project from a manifest ("▶ Sync (dev)", "Update
 * checksum"): above each node at `path` (notation as in OutlineRow) of a file of `kind` that `when`
 * accepts. `run` is a task id of the project (TaskSpec.id) or `launch` (its dev-mode launch
 * configuration). The client runs it in the nearest project to `near` that has it.
 */
export interface ActionLensRow {
  kind: KindId;
  path: string;
  title: string;
  run: string;
  when?: (node: ValueNode) => boolean;
  /** Appended to the task's command line (a service id). */
  args?: (node: ValueNode) => string[];
  /** The file or folder whose project runs it (default: the manifest itself), e.g. a plugin's binary. */
  near?: (node: ValueNode, file: string) => string | undefined;
  /** Launch attributes on top of the project's; `$file` in a value is the manifest's path. */
  launch?: (node: ValueNode) => Record<string, string>;
}

/** What the client is told to run: a task of a project, or its dev-mode launch. */
/** (the command's argument, as the server sends it to the client) */
export interface ActionArguments {
  /** The manifest the lens is in. */
  file: string;
  /** A task id of the project, or `launch`. */
  run: string;
  title: string;
  /** Where to look for the project: the nearest one to this file or folder. */
  near: string;
  args?: string[];
  launch?: Record<string, string>;
}

/** Fix families of features/fixes, bound to diagnostic codes by name. */
export type FixName =
  | 'addMissingKey'
  | 'replaceWithSuggestion'
  | 'replaceWithKnownValue'
  | 'offerAllowedValues'
  | 'replaceWithComputedChecksum'
  | 'insertListItem'
  | 'moveKeyInto'
  | 'createMissingFile';

/** A schema that applies below a path of a manifest instead of the kind's own (a plugin's spec schema). */
export interface EmbeddedSchemaProvider {
  kinds: readonly KindId[];
  /** The schema file and text for this path, how many path segments lead to its root, and the value there. */
  at(
    file: string,
    files: FileAccess,
    path: PathSegment[],
    documentValue: unknown,
  ): { file: string; text: string; depth: number; value: unknown } | undefined;
}

export interface SystemDescriptor {
  id: SystemId;
  /** Short name (status bar, messages). */
  name: string;
  /** Name in pick lists (the New Plugin wizard). */
  label: string;
  kinds: KindDefinition[];
  rules: readonly Rule[];
  outline: Record<KindId, OutlineRow[]>;
  links?: LinkRow[];
  workspaceValues?: ValueSource[];
  references?: ReferenceProvider[];
  /** Names declared here and used elsewhere, for rename, find references and the references lens. */
  names?: NameProvider;
  /** Manifest snippets, served by completion in this system's files only (features/snippets.ts). */
  snippets?: ManifestSnippet[];
  /** Code lenses that run a task or the dev-mode launch of the plugin project from a manifest. */
  actions?: ActionLensRow[];
  /** Schemas that apply below a path instead of the kind's own (completion and hover inside a plugin's spec). */
  embeddedSchemas?: EmbeddedSchemaProvider[];
  /** Hover and completion in project files without a schema (features/project-editor.ts). */
  editors?: ProjectEditor[];
  /** Quick fixes by diagnostic code, beyond the shared ones for the schema codes. */
  fixes?: Record<string, FixName[]>;
  /** Plugin projects of this system: detection, tasks and the launch configuration offered. */
  projects?: ProjectKind[];
  /** How the host runs a plugin in dev mode (`plugin-host` launches). */
  host?: HostDescriptor;
  /** Programs of this system its tasks and launches run, by tool name. */
  tools?: Record<string, ToolInfo>;
  /** Scaffolding templates (templates/<id>/). */
  templates: string[];
}
