// The engine's public surface, shared by the language server, the CLI and the tests.
export { classify, formatOf, type Classification } from './classify/classify';
export { KINDS, KIND_IDS, isKindId, systemOf, type KindDefinition, type KindId, type SystemId } from './kinds';
export { LineIndex } from './text/line-index';
export { decodeManifest, MAX_MANIFEST_BYTES } from './text/decode';
export { nodeFileAccess, type FileAccess } from './workspace';
export type * from './types';
