import type { KindId, Severity, SystemId } from '../core';
import { SYSTEM_IDS } from '../systems';
import { TARGET_TABLES } from '../systems/targets';

/** What the client may configure per resource (`pluginWorkbench.*`). */
export interface WorkbenchSettings {
  /** Systems switched off get no diagnostics and no features. */
  disabledSystems: SystemId[];
  /** Per diagnostic code: another severity, or `off` to hide it. */
  severityOverrides: Record<string, Severity | 'off'>;
  /** Glob (matched against the workspace-relative and the absolute path) -> kind id. */
  associations: Record<string, KindId>;
  /** Host release per system with a target table (`pluginWorkbench.ekuiper.targetVersion`). */
  targets: Record<string, string>;
}

export const DEFAULT_SETTINGS: WorkbenchSettings = {
  disabledSystems: [],
  severityOverrides: {},
  associations: {},
  targets: {},
};

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/** Reads the raw `pluginWorkbench` section defensively: a bad value never breaks validation. */
export function readSettings(raw: unknown): WorkbenchSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const disabledSystems = SYSTEM_IDS.filter((system) => {
    const entry = section[system] as { enable?: unknown } | undefined;
    return entry && typeof entry === 'object' && entry.enable === false;
  });
  const severityOverrides: WorkbenchSettings['severityOverrides'] = {};
  for (const [code, value] of Object.entries((section.severityOverrides as Record<string, unknown>) ?? {})) {
    if (typeof value === 'string' && SEVERITIES.includes(value)) severityOverrides[code] = value as Severity | 'off';
  }
  const associations: Record<string, KindId> = {};
  for (const [glob, kind] of Object.entries((section.associations as Record<string, unknown>) ?? {})) {
    if (typeof kind === 'string') associations[glob] = kind as KindId;
  }
  const targets: Record<string, string> = {};
  for (const system of Object.keys(TARGET_TABLES)) {
    const version = (section[system] as { targetVersion?: unknown } | undefined)?.targetVersion;
    if (typeof version === 'string' && version.trim()) targets[system] = version.trim();
  }
  return { disabledSystems, severityOverrides, associations, targets };
}
