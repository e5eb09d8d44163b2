import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

// Program sources (Go, Rust, Python) are read with tree-sitter grammars compiled to WebAssembly:
// the real grammar, so a name inside a comment or a string is never taken for code.

export type SourceLanguage = 'go' | 'rust' | 'python';
export type SyntaxNode = Node;

const WASM: Record<SourceLanguage | 'runtime', { file: string; module: string }> = {
  runtime: { file: 'tree-sitter.wasm', module: 'web-tree-sitter' },
  go: { file: 'tree-sitter-go.wasm', module: 'tree-sitter-go' },
  rust: { file: 'tree-sitter-rust.wasm', module: 'tree-sitter-rust' },
  python: { file: 'tree-sitter-python.wasm', module: 'tree-sitter-python' },
};

/** The bundle ships the .wasm files in dist/grammars; compiled tests find them in node_modules. */
function wasmPath(which: keyof typeof WASM): string {
  const { file, module } = WASM[which];
  const bundled = path.join(__dirname, 'grammars', file);
  if (fs.existsSync(bundled)) return bundled;
  let dir = __dirname;
  for (let depth = 0; depth < 8; depth++) {
    const candidate = path.join(dir, 'node_modules', module, file);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`the ${module} grammar (${file}) is missing`);
}

let runtime: Promise<void> | undefined;
const languages = new Map<SourceLanguage, Promise<Language>>();
const parsers = new Map<SourceLanguage, Parser>();

async function parserFor(language: SourceLanguage): Promise<Parser> {
  runtime ??= Parser.init({ locateFile: () => wasmPath('runtime') });
  await runtime;
  let loading = languages.get(language);
  if (!loading) {
    loading = Language.load(fs.readFileSync(wasmPath(language)));
    languages.set(language, loading);
  }
  const lang = await loading;
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(lang);
    parsers.set(language, parser);
  }
  return parser;
}

/** Parses a source file; the tree's offsets are UTF-16 code units like the rest of the engine. */
export async function parseSource(text: string, language: SourceLanguage): Promise<Tree> {
  const parser = await parserFor(language);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse the ${language} source`);
  return tree;
}

/** Every node of a type below (and including) a node, in source order. */
export function descendants(node: Node, types: string | string[]): Node[] {
  return node.descendantsOfType(types).filter((n): n is Node => n !== null);
}

/** Offsets of a node: web-tree-sitter indexes a JavaScript string in UTF-16 code units. */
export function spanOf(node: Node): { start: number; end: number } {
  return { start: node.startIndex, end: node.endIndex };
}
