import type { RuleContext } from '../../rule';
import type { EditorHover, ProjectEditor } from '../../types';
import { readRelease, type ReleaseSite } from './release';

// The hover on the tokens of a GatewayD plugin's release (Makefile release targets, workflows,
// GoReleaser): the publishing rule `gatewayd plugin install` relies on, for this repository's name.

const RULES: Record<ReleaseSite['topic'], { title: string; rule: (repo: string) => string }> = {
  asset: {
    title: 'Release asset',
    rule: (repo) =>
      `\`gatewayd plugin install\` downloads the asset whose name holds GOOS, GOARCH and \`.tar.gz\` (\`.zip\` on Windows), with the binary at the archive's root. Name it \`<name>-<GOOS>-<GOARCH>-<version>.tar.gz\`: here \`${repo}-linux-amd64-v1.0.0.tar.gz\`.`,
  },
  checksum: {
    title: 'Release checksum',
    rule: () =>
      '`gatewayd plugin install` compares the SHA-256 of the downloaded archive with its line in the `checksums.txt` asset, as `sha256sum` writes it (`sha256sum *.tar.gz > checksums.txt`; GoReleaser: `algorithm: sha256`).',
  },
  'checksums-file': {
    title: 'Checksum file',
    rule: () =>
      '`gatewayd plugin install` downloads the release asset named `checksums.txt` (one `<sha256>  <asset>` line per archive); without it the install stops with "The checksum file could not be found".',
  },
  binary: {
    title: 'Plugin binary',
    rule: (repo) =>
      `The binary must be named as the repository: \`gatewayd plugin install\` takes the extracted file whose name contains \`${repo}\` as the plugin.`,
  },
  tag: {
    title: 'Release tag',
    rule: () =>
      'Releases are tagged `vX.Y.Z` (trigger on `v*`): `gatewayd plugin install github.com/<owner>/<repo>@<version>` looks a release up only for versions starting with `v`, and plugin URLs pin `@vX.Y.Z`.',
  },
};

export function releaseHover(context: RuleContext, offset: number): EditorHover | undefined {
  const { diagnostics, sites, repo } = readRelease(context);
  const site = sites.find((s) => offset >= s.start && offset < s.end);
  if (!site) return undefined;
  const { title, rule } = RULES[site.topic];
  const broken = diagnostics.filter((d) => d.start < site.end && d.end > site.start);
  const shown = !context.text.slice(site.start, site.end).includes('$') ? '' : ` (\`${site.shown}\` once expanded)`;
  return {
    start: site.start,
    end: site.end,
    markdown: [
      `**${title}** (GatewayD plugin release)`,
      rule(repo ?? '<repository>'),
      broken.length
        ? `This one does **not** follow it${shown}: ${broken.map((d) => d.message).join(' ')}`
        : `This one follows it${shown}.`,
    ].join('\n\n'),
  };
}

export const GATEWAYD_EDITORS: ProjectEditor[] = [{ kinds: ['gatewayd-release'], hover: releaseHover }];
