// Bundles the three entry points with esbuild. `--production` minifies and drops source maps
// (used by `npm run package`); the default keeps maps for debugging and tests.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle does not have.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
  define: { PLUGIN_WORKBENCH_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
    define: { ...common.define, PLUGIN_WORKBENCH_BUNDLED: 'true' },
  }),
  // vscode-languageclient (most of the client's code): loaded when the server starts, after
  // activation (client/src/language-client-loader.ts).
  esbuild.build({
    ...common,
    entryPoints: ['client/src/language-client.ts'],
    outfile: 'dist/language-client.js',
    external: ['vscode'],
  }),
  // What the client needs of the systems (projects, tasks, launch plans, the kind table) and the
  // parsers under them: a bundle of its own, loaded on first use (client/src/server-api.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/systems/index.ts'], outfile: 'dist/systems.js' }),
  // Executable too: the package's plugin-workbench-server bin, for editors other than VS Code.
  esbuild.build({
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The CLI: its bundle, and the command that loads it with the code cache made below.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/launcher.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);

// Data files the extension reads at run time travel inside dist/ (the .vsix ships only dist/).
rmSync('dist/language', { recursive: true, force: true });
cpSync('language', 'dist/language', { recursive: true });
rmSync('dist/templates', { recursive: true, force: true });
cpSync('templates', 'dist/templates', { recursive: true });

// The tree-sitter runtime and the Go, Rust and Python grammars (read by core/parse/source-parser.ts).
rmSync('dist/grammars', { recursive: true, force: true });
mkdirSync('dist/grammars', { recursive: true });
for (const file of [
  'web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-go/tree-sitter-go.wasm',
  'tree-sitter-rust/tree-sitter-rust.wasm',
  'tree-sitter-python/tree-sitter-python.wasm',
]) {
  cpSync(`node_modules/${file}`, `dist/grammars/${file.split('/').pop()}`);
}

// The CLI's code cache, made from the bundle just written (an old one never outlives its bundle).
rmSync('dist/cli-main.js.cache', { force: true });
const cache = spawnSync(process.execPath, ['scripts/code-cache.mjs'], { stdio: 'inherit' });
if (cache.status !== 0) throw new Error('scripts/code-cache.mjs failed: the CLI would run without its code cache');
