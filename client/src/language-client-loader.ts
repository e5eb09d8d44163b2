import * as path from 'node:path';

declare const PLUGIN_WORKBENCH_BUNDLED: boolean | undefined;

type LanguageClientModule = typeof import('./language-client');

let loaded: LanguageClientModule | undefined;

/**
 * vscode-languageclient and the protocol under it are most of the client's code. In the bundle
 * they are dist/language-client.js, loaded when the server starts (after activation returns), so
 * activating the extension loads only our own small module; compiled for the tests it is the
 * module itself.
 */
export function languageClientModule(): LanguageClientModule {
  if (!loaded) {
    const entry =
      typeof PLUGIN_WORKBENCH_BUNDLED !== 'undefined'
        ? path.join(__dirname, 'language-client.js')
        : './language-client';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(entry) as LanguageClientModule;
  }
  return loaded;
}
