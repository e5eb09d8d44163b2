// ESLint (flat config): typescript-eslint's recommended rules plus the import boundaries of
// docs/ARCHITECTURE.md. The core imports nothing above it and no protocol; nothing but the
// client and the e2e suite imports `vscode`; nobody outside the core reaches into its files; the
// client uses only the public entries of server code (an index.ts, and the shared protocol).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'Only client/ and test/e2e/ may use the VS Code API.' };
const noDeepCore = {
  group: ['**/core/*'],
  message: 'Import the core through its public entry (core/index.ts), not a file inside it.',
};

// Layers above the core, lowest first (docs/ARCHITECTURE.md): each may import only those before it.
const LAYERS = ['schemas', 'systems', 'analysis', 'features', 'lsp'];
const ENTRY_POINTS = ['cli', 'scaffold'];
/** no-restricted-imports for one layer: nothing above it, no vscode, no deep core imports. */
function layer(name) {
  const above = [...LAYERS.slice(LAYERS.indexOf(name) + 1), ...ENTRY_POINTS];
  return {
    files: [`server/src/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            noDeepCore,
            {
              group: above.flatMap((dir) => [`**/${dir}`, `**/${dir}/**`]),
              // A feature may name the service it is given by type (features take it as a parameter).
              allowTypeImports: name === 'features',
              message: `server/src/${name}/ imports only the layers below it (${['core', ...LAYERS.slice(0, LAYERS.indexOf(name))].join(', ')}); see docs/ARCHITECTURE.md.`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      'test/fixtures/**',
      'test/e2e/workspace/**',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        NodeJS: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      // The codebase's own conventions, kept as they are.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      // Style only; left to the formatting pass so that parallel work does not conflict on regexes.
      'no-useless-escape': 'off',
      'no-regex-spaces': 'off',
    },
  },
  {
    files: [
      'server/**/*.ts',
      'scripts/**',
      'test/unit/**',
      'test/cli/**',
      'test/corpus/**',
      'test/lsp/**',
      'test/helpers/**',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noDeepCore] }] },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            {
              group: [
                '**/analysis',
                '**/analysis/**',
                '**/schemas',
                '**/schemas/**',
                '**/systems',
                '**/systems/**',
                '**/features',
                '**/features/**',
                '**/lsp',
                '**/lsp/**',
                '**/cli',
                '**/cli/**',
                '**/scaffold',
                '**/scaffold/**',
              ],
              message: 'The core imports nothing above it (see docs/ARCHITECTURE.md).',
            },
            {
              group: ['vscode-languageserver*'],
              message: 'The core knows no protocol: LSP types belong in features/ and lsp/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepCore,
            {
              group: ['**/server/src/*/*', '!**/server/src/lsp/protocol'],
              message: 'The client imports only the public entries of server code (an index.ts, or lsp/protocol).',
            },
          ],
        },
      ],
    },
  },
  ...LAYERS.map(layer),
);
