// The core's public surface: reading, classifying and querying manifests. Everything above the
// core (analysis, schemas, systems, features, lsp, cli, client) imports from here, never from a
// file inside core/. The core itself imports nothing above it and knows no system: the kind
// table comes in as an argument (server/src/systems builds it).
export {
  classify,
  classifyByName,
  formatOf,
  type Classification,
  type ClassificationSource,
  type ClassifyInput,
  type SniffMemo,
  readForSniffing,
  topLevelShape,
  topLevelShapeAfter,
} from './classify/classify';
export { sniffSkeleton } from './classify/sniff-skeleton';
export { sniffLines } from './classify/line-sniff';
export { matchesSignature } from './classify/content-signature';
export type { ContentSignature, HostDecoding, KindDefinition, KindId, KindTable, SystemId, TypeVerdict } from './kinds';
export { readJson } from './parse/json-reader';
export { readToml } from './parse/toml-reader';
export { aliasTargets, readYaml, readYamlParsed, MAX_EXPANDED_NODES, type YamlReadOptions } from './parse/yaml-reader';
export { readPlainBlock } from './parse/plain-block-reader';
export {
  resolveGoScalar,
  isGoTimestamp,
  type GoYamlVersion,
  type ResolvedScalar,
  type ScalarTag,
} from './parse/go-yaml-scalars';
export { parseFile } from './parse/parse-file';
export { commonEnds, ParseMemo, pieceOrigin, type PieceRead } from './parse/memo';
export { splittableByRegions } from './parse/yaml-regions';
export { keptDocuments } from './parse/kept-documents';
export { substitutePlaceholders } from './parse/placeholders';
export { BlockShape, KEY, lineValue, quoteEnd } from './parse/plain-block';
export { addItem, addProperty, arrayNode, findProperty, objectNode, scalarNode } from './parse/tree-builder';
export * from './tree-query';
export { CASE_TRANSFORMS, words } from './text/case';
export { closest, editDistance } from './text/closest';
export { LineIndex } from './text/line-index';
export { shifted } from './text/span';
export { decodeManifest, MAX_MANIFEST_BYTES, tooLargeReason } from './text/decode';
export { nodeFileAccess, slashPath, MAX_HASH_BYTES, MAX_TEXT_BYTES, type FileAccess } from './workspace';
export {
  hashRegularFile,
  isWithin,
  readRegularFile,
  resolveWithin,
  type Containment,
  type HashOutcome,
  type ReadOutcome,
} from './safe-fs';
export { MAX_NESTING } from './parse/limits';
export {
  deriveFolderFrom,
  recallFrom,
  recallSettledFrom,
  folderBacklogFrom,
  deriveFrom,
  FileCache,
  type CachedFileAccess,
  type CacheMode,
  type FileCacheOptions,
  type FileMemo,
} from './file-cache';
export type * from './types';
export { parseSource, descendants, type SourceLanguage, type SyntaxNode } from './parse/source-parser';
export { readGoMod, requirementOf, directive, type GoModFile, type GoModLine, type GoModToken } from './parse/go-mod';
export { findUp, goModModule, goModRequires, zipMembers } from './place';
export { compilePath, comparePath, type PathPattern } from './path-pattern';
export { locateTemplates } from './templates-folder';
