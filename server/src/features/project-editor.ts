import { CompletionItemKind, MarkupKind, type CompletionList, type Hover } from 'vscode-languageserver';
import type { Engine } from '../analysis';
import type { KindId } from '../core';
import { SYSTEMS, type ProjectEditor } from '../systems';
import type { RuleContext } from '../systems/rule';
import type { AnalyzedDocument } from './analyzed-document';
import { uriToPath } from './uri';

// Project files without a schema (go.mod, sources, Makefiles, workflows) get their hover and
// completion from the systems' editors (SystemDescriptor.editors), which read the file with the
// parsers their rules use.

const EDITORS: ProjectEditor[] = SYSTEMS.flatMap((system) => system.editors ?? []);

function editorsFor(kind: KindId): ProjectEditor[] {
  return EDITORS.filter((editor) => editor.kinds.includes(kind));
}

/** What the editors see: the rules' context, with the targets the document's settings choose. */
function contextOf({ document, analysis }: AnalyzedDocument, engine: Engine): RuleContext {
  return engine.contextFor(
    analysis.kind,
    uriToPath(document.uri),
    document.getText(),
    analysis.parsed,
    analysis.settings?.targets,
  );
}

/** An editor's answer; one that fails (a file its parser cannot read) is no answer, never a failed request. */
async function answer<T>(ask: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await ask();
  } catch {
    return undefined;
  }
}

/** The first editor's hover on the token at `offset`; null where none knows it. */
export async function editorHover(analyzed: AnalyzedDocument, engine: Engine, offset: number): Promise<Hover | null> {
  const editors = editorsFor(analyzed.analysis.kind).filter((e) => e.hover);
  if (!editors.length) return null;
  const context = contextOf(analyzed, engine);
  for (const editor of editors) {
    const found = await answer(() => editor.hover!(context, offset));
    if (!found) continue;
    const { document } = analyzed;
    return {
      contents: { kind: MarkupKind.Markdown, value: found.markdown },
      range: { start: document.positionAt(found.start), end: document.positionAt(found.end) },
    };
  }
  return null;
}

/** The first editor's values at `offset`, in its order; null where none offers any. */
export async function editorCompletion(
  analyzed: AnalyzedDocument,
  engine: Engine,
  offset: number,
): Promise<CompletionList | null> {
  const editors = editorsFor(analyzed.analysis.kind).filter((e) => e.complete);
  if (!editors.length) return null;
  const context = contextOf(analyzed, engine);
  for (const editor of editors) {
    const found = await answer(() => editor.complete!(context, offset));
    if (!found?.items.length) continue;
    const { document } = analyzed;
    const range = { start: document.positionAt(found.start), end: document.positionAt(found.end) };
    return {
      isIncomplete: false,
      items: found.items.map((item, index) => ({
        label: item.label,
        kind: CompletionItemKind.Value,
        detail: item.detail,
        documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
        // The editor's order (the target's value first), not the alphabet.
        sortText: String(index).padStart(4, '0'),
        preselect: index === 0 || undefined,
        textEdit: { range, newText: item.label },
      })),
    };
  }
  return null;
}
