import type {
  Classification,
  KindDefinition,
  KindId,
  EngineDiagnostic,
  ParsedDocument,
  ParsedFile,
  FileAccess,
} from '../core';
import type { SchemaStore } from '../schemas/schema-store';

/** What a rule sees: the parsed file, its kind, and read-only access to the files around it. */
export interface RuleContext {
  kind: KindId;
  definition: KindDefinition;
  /** Absolute path of the file (for reading its neighbours). */
  path: string;
  /** The original text (before placeholder stand-ins). */
  text: string;
  file: ParsedFile;
  /** The documents the host reads (all for multi-document kinds, else the first). */
  documents: ParsedDocument[];
  files: FileAccess;
  schemas: SchemaStore;
  /** Parses another file as a given kind (cached), e.g. a sibling CloudQuery spec. */
  parseOther(path: string, kind: KindId): ParsedFile | undefined;
  /**
   * How the text was recognised, when the engine classified it without a forced kind: a rule that
   * reads the same file from disk (a folder index) reuses this and `documents` while the text on
   * disk is the same, instead of reading it again.
   */
  classification?: Classification;
  /** Host release per system chosen by the user (setting or `--target`); absent: the newest verified. */
  targets?: Record<string, string>;
  /**
   * Set when the analysis may be published before many neighbour files are read (the first
   * analysis of a file opened in the editor): a rule hands that reading over and leaves out only
   * the verdicts that depend on it; the file is analysed again once the work has run. Unset (the
   * CLI, a background scan, any later analysis): everything is read now.
   */
  defer?: (work: () => void) => void;
}

/** A check beyond the JSON schema: one per file under rules/<system>/. */
export interface Rule {
  /** The diagnostic code(s) it raises, for docs and settings. */
  id: string;
  kinds: readonly KindId[];
  check(context: RuleContext): EngineDiagnostic[] | Promise<EngineDiagnostic[]>;
  /**
   * A rule that judges each document of a multi-document file on its own (`check` is every
   * document's verdict, in order): the editor keeps the verdicts of the documents an edit did not
   * touch (see documentRule).
   */
  perDocument?: DocumentCheck;
}

/** A rule's verdict on one document, and what that verdict reads beyond the document. */
export interface DocumentCheck {
  check(document: ParsedDocument, context: RuleContext): EngineDiagnostic[];
  /**
   * What every document's verdict reads from elsewhere (other documents, neighbour files): while
   * each value is the same (===) as at the last version, an unchanged document keeps its verdict.
   */
  across?(context: RuleContext): readonly unknown[];
  /** A document whose verdict is never kept (it reads files that may change on disk). */
  fresh?(document: ParsedDocument): boolean;
}

/** A Rule made of a per-document check: `check` runs it on every document, in order. */
export function documentRule(id: string, kinds: readonly KindId[], perDocument: DocumentCheck): Rule {
  return {
    id,
    kinds,
    perDocument,
    check(context) {
      const diagnostics: EngineDiagnostic[] = [];
      for (const document of context.documents)
        for (const d of perDocument.check(document, context)) diagnostics.push(d);
      return diagnostics;
    },
  };
}
