import data from './target-versions.json';

/**
 * The eKuiper releases a native plugin can target, read from ekuiper's go.mod at each tag
 * (see docs/hosts/ekuiper.md). A native plugin loads only when it is built with the server's Go
 * version and the same github.com/lf-edge/ekuiper/contract/v2 version, so the templates, the
 * wizard and the project checks all read this one file.
 */
export interface EkuiperRelease {
  version: string;
  go: string;
  contract: string;
  source: string;
}

export const EKUIPER_TARGETS: { default: string; releases: readonly EkuiperRelease[] } = data;

export function ekuiperRelease(version: string): EkuiperRelease | undefined {
  const wanted = version.startsWith('v') ? version : `v${version}`;
  return EKUIPER_TARGETS.releases.find((r) => r.version === wanted);
}

/** The development image of a release (Go included), tagged by docker/metadata-action's {{version}}. */
export function ekuiperDevImage(version: string): string {
  return `lfedge/ekuiper:${version.replace(/^v/, '')}-dev`;
}
