// The editor features as pure functions over an analyzed document; lsp/handlers.ts wires them.
export { OpenDocuments, type AnalyzedDocument, type DocumentSource } from './analyzed-document';
export { codeActions } from './code-actions';
export { complete, COMPLETION_TRIGGERS } from './completion';
export { definition } from './definition';
export { hover } from './hover';
export { links } from './links';
export { outline } from './symbols';
export { actionLenses, RUN_ACTION_COMMAND } from './action-lenses';
export { foldingRanges, selectionRanges } from './folding';
export {
  nameLenses,
  nameScope,
  prepareRename,
  references,
  rename,
  SHOW_REFERENCES_COMMAND,
  type NameScope,
} from './names';
