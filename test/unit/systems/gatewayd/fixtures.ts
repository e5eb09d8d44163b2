export const COOKIE_KEY = 'MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN';
export const COOKIE_VALUE = 'MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872';

/** A valid plugins file with one entry; `env` and `checksum` lines can be replaced. */
export function pluginsFile(
  options: { name?: string; env?: string[]; checksum?: string; localPath?: string; extra?: string } = {},
): string {
  const env = options.env ?? [COOKIE_KEY, COOKIE_VALUE];
  return [
    'plugins:',
    `  - name: ${options.name ?? 'cache'}`,
    '    enabled: true',
    '    url: github.com/gatewayd-io/gatewayd-plugin-cache@latest',
    `    localPath: ${options.localPath ?? './bin/cache'}`,
    '    args: []',
    '    env:',
    ...env.map((line) => `      - ${line}`),
    `    checksum: ${options.checksum ?? 'ab'.repeat(32)}`,
    options.extra ?? '',
  ].join('\n');
}
