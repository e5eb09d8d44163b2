// The pipeline's public surface: classify -> parse -> schema -> rules -> diagnostics, over the core.
export { Engine, hostDocuments, type Analysis, type AnalyzeInput, type EngineOptions } from './engine';
export { describeError, walkManifests, type WalkResult } from './walk';
