import { keptDocuments, shifted, type EngineDiagnostic, type ParsedDocument } from '../core';

/** What one check said of one document, and where the document started when it said it. */
export interface Verdict {
  start: number;
  diagnostics: EngineDiagnostic[];
  truncated?: boolean;
  /** Never kept: the check read files that may change on disk. */
  fresh?: boolean;
}

/**
 * One check's verdicts on the documents of a multi-document file, kept from one version to the
 * next. A document that is the same object at the same end of the list as in the last version
 * (see keptDocuments), with the same inputs from elsewhere (`across`), keeps its verdict, moved to
 * where the document is now. Only the documents with something to say are kept, by index, so an
 * edit costs the documents it changed and the verdicts that say something, not every document.
 */
export class DocumentVerdicts {
  private documents: readonly ParsedDocument[] = [];
  /** The verdicts with diagnostics (or never to be kept), in document order. */
  private found: Array<{ index: number; verdict: Verdict }> = [];
  private across?: readonly unknown[];

  /**
   * The diagnostics of every document of `documents`, in order, and whether any verdict was cut
   * short. `across`: what the verdicts read beyond their own document (compared with ===);
   * `fresh(document)`, asked when a verdict is made: whether it is never to be kept. The last
   * document is always judged again (a schema verdict may depend on its ending the text).
   */
  run(
    documents: readonly ParsedDocument[],
    across: readonly unknown[],
    compute: (document: ParsedDocument) => Omit<Verdict, 'start' | 'fresh'>,
    fresh?: (document: ParsedDocument) => boolean,
  ): { diagnostics: EngineDiagnostic[]; truncated: boolean } {
    const same = this.across !== undefined && sameValues(this.across, across);
    const { head, tail } = same ? keptDocuments(this.documents, documents) : { head: 0, tail: 0 };
    const last = documents.length - 1;
    const found: Array<{ index: number; verdict: Verdict }> = [];
    let lastJudged = false;
    const judge = (index: number) => {
      const document = documents[index];
      const verdict: Verdict = { start: document.start, ...compute(document) };
      if (fresh?.(document)) verdict.fresh = true;
      if (verdict.diagnostics.length || verdict.truncated || verdict.fresh) found.push({ index, verdict });
      if (index === last) lastJudged = true;
    };
    const keep = (index: number, verdict: Verdict) => {
      if (verdict.fresh || index === last) return judge(index);
      const delta = documents[index].start - verdict.start;
      const diagnostics = delta ? verdict.diagnostics.map((d) => shifted(d, delta)) : verdict.diagnostics;
      found.push({ index, verdict: delta ? { ...verdict, start: documents[index].start, diagnostics } : verdict });
    };
    for (const { index, verdict } of this.found) if (index < head) keep(index, verdict);
    for (let i = head; i < documents.length - tail; i++) judge(i);
    const shift = documents.length - this.documents.length;
    for (const { index, verdict } of this.found)
      if (index >= this.documents.length - tail) keep(index + shift, verdict);
    if (!lastJudged && last >= 0) judge(last);
    this.documents = documents;
    this.found = found;
    this.across = across;
    const diagnostics: EngineDiagnostic[] = [];
    let truncated = false;
    for (const { verdict } of found) {
      for (const d of verdict.diagnostics) diagnostics.push(d);
      truncated ||= verdict.truncated === true;
    }
    return { diagnostics, truncated };
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
