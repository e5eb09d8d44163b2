import type { Rule } from '../../rule';
import { ekuiperGoModule } from '../project/go-module';
import { ekuiperPluginZip } from '../project/plugin-zip';
import { ekuiperPluginBuild } from '../project/plugin-build';
import { executableMode } from './executable-mode';
import { manifestName } from './manifest-name';
import { missingEnUs } from './missing-en-us';
import { missingExecutable } from './missing-executable';
import { missingSourceConfig } from './missing-source-config';
import { missingSourceYaml } from './missing-source-yaml';
import { missingSymbol } from './missing-symbol';
import { nodeCategory } from './node-category';
import { soName } from './so-name';

// One rule per file. Portable manifest: name, executable (+ its mode), source configs; the
// file-system checks stay silent in a folder holding several manifests (package-context.ts).
// Plugin metadata: .so name, exported symbol, source YAML, node.category, about.description en_US;
// diagnostics about the plugin as a whole sit on the metadata's `about` key (metadata-context.ts).
export const EKUIPER_RULES: readonly Rule[] = [
  manifestName,
  missingExecutable,
  executableMode,
  missingSourceConfig,
  soName,
  missingSymbol,
  missingSourceYaml,
  nodeCategory,
  missingEnUs,
  ekuiperGoModule,
  ekuiperPluginZip,
  ekuiperPluginBuild,
];
