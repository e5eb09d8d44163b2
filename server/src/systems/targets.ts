import ekuiperTargets from './ekuiper/target-versions.json';

// Host releases a project can target, per system, as data: each row says what a plugin must be
// built with to load into that release. Another host adds its own target-versions.json here.

export interface TargetRelease {
  version: string;
  /** Fields a row carries besides version (eKuiper: go, contract). */
  [field: string]: string;
  /** Where the row was read, e.g. "go.mod at tag v2.4.0". */
  source: string;
}

export interface TargetTable {
  default: string;
  releases: TargetRelease[];
}

export const TARGET_TABLES: Record<string, TargetTable> = {
  ekuiper: ekuiperTargets as TargetTable,
};

/** `--<system>-version <v>` for each system with a table. */
export const TARGET_FLAGS = Object.keys(TARGET_TABLES).map((system) => `--${system}-version`);

/** The release a project targets: the chosen one if known, else the table's default. */
export function targetRelease(
  system: string,
  chosen: string | undefined,
): { release: TargetRelease; unknown?: string } | undefined {
  const table = TARGET_TABLES[system];
  if (!table) return undefined;
  const wanted = chosen?.trim();
  const normalised = wanted && !wanted.startsWith('v') ? `v${wanted}` : wanted;
  const found = normalised ? table.releases.find((r) => r.version === normalised) : undefined;
  const fallback = table.releases.find((r) => r.version === table.default) ?? table.releases[0];
  return found ? { release: found } : { release: fallback, unknown: wanted || undefined };
}

/** Reads `--target <system>=<v>` or `--<system>-version <v>`; a string is the usage problem. */
export function parseTargetFlag(flag: string, value: string): [string, string] | string {
  const [system, version] = flag === '--target' ? value.split('=') : [flag.slice(2, -'-version'.length), value];
  if (!system || !version || !TARGET_TABLES[system]) {
    return `--target needs <system>=<version> with a system of ${Object.keys(TARGET_TABLES).join(', ')}`;
  }
  const known = TARGET_TABLES[system].releases.map((r) => r.version);
  if (!known.includes(version.startsWith('v') ? version : `v${version}`))
    return `unknown ${system} release "${version}"; known: ${known.join(', ')}`;
  return [system, version];
}
