// The pipeline's public surface: classify -> parse -> schema -> rules -> diagnostics, over the core.
export {
  AnalysisCancelled,
  Engine,
  hostDocuments,
  type Analysis,
  type AnalyzeInput,
  type EngineOptions,
  type PreparedText,
} from './engine';
export { describeError, walkManifests, type WalkResult } from './walk';
