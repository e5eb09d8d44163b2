declare const PLUGIN_WORKBENCH_VERSION: string | undefined;

/** Injected by the esbuild bundle; `dev` when running from compiled sources. */
export const VERSION: string = typeof PLUGIN_WORKBENCH_VERSION === 'string' ? PLUGIN_WORKBENCH_VERSION : 'dev';
