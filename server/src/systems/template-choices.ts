import { EKUIPER_TARGETS, ekuiperDevImage, ekuiperRelease } from './ekuiper/target-versions';

/**
 * Option values a template takes from a system's own data instead of free text: a template option
 * with `"choices": "<table id>"` offers these values (the wizard as a pick list, the CLI through
 * `--set`) and, once one is chosen, adds the variables it implies (e.g. the Go version of an
 * eKuiper release) for later option defaults and file contents.
 */
export interface ChoiceTable {
  default: string;
  values: Array<{ value: string; description: string }>;
  /** The variables a chosen value implies; undefined when the value is not in the table. */
  variables(value: string): Record<string, string> | undefined;
}

export const TEMPLATE_CHOICES: Record<string, ChoiceTable> = {
  'ekuiper-target-versions': {
    default: EKUIPER_TARGETS.default,
    values: EKUIPER_TARGETS.releases.map((r) => ({
      value: r.version,
      description: `Go ${r.go}, contract/v2 ${r.contract}`,
    })),
    variables(value) {
      const release = ekuiperRelease(value);
      return (
        release && {
          ekuiperGo: release.go,
          ekuiperContract: release.contract,
          ekuiperImage: ekuiperDevImage(release.version),
          ekuiperVersion: release.version,
        }
      );
    },
  },
};
