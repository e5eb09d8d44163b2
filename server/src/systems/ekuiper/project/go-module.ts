import { directive, readGoMod, requirementOf, type EngineDiagnostic, type GoModLine } from '../../../core';
import type { Rule } from '../../rule';
import { targetRelease } from '../../targets';

export const CONTRACT_MODULE = 'github.com/lf-edge/ekuiper/contract/v2';

/**
 * A native plugin loads only into the eKuiper it was built against: Go's plugin package refuses a
 * .so whose packages (contract/v2 above all) or toolchain differ from the server's ("plugin was
 * built with a different version of package ..."). The target release's row says what to use.
 */
export const ekuiperGoModule: Rule = {
  id: 'ekuiper.go-version, ekuiper.contract-version',
  kinds: ['ekuiper-go-module'],
  check(context) {
    const mod = readGoMod(context.text);
    const diagnostics: EngineDiagnostic[] = mod.problems.map((p) => ({
      ...p,
      severity: 'error',
      code: 'ekuiper.go-mod-syntax',
    }));
    const target = targetRelease('ekuiper', context.targets?.ekuiper);
    if (!target) return diagnostics;
    const { release } = target;
    const versionNote = `eKuiper ${release.version} is built with go ${release.go} and contract/v2 ${release.contract} (${release.source})`;
    const go = directive(mod, 'go');
    const goValue = go?.args[0];
    if (go && goValue && goValue.text !== release.go) {
      diagnostics.push({
        start: goValue.start,
        end: goValue.end,
        severity: 'error',
        code: 'ekuiper.go-version',
        message: `The plugin must be built with the Go version of the server: ${versionNote}; this go.mod says go ${goValue.text}. Set pluginWorkbench.ekuiper.targetVersion (or --ekuiper-version) if you target another release.`,
        data: { replace: release.go, target: release.version },
      });
    }
    const toolchain = directive(mod, 'toolchain')?.args[0];
    if (toolchain && toolchain.text !== `go${release.go}`) {
      diagnostics.push({
        start: toolchain.start,
        end: toolchain.end,
        severity: 'error',
        code: 'ekuiper.go-version',
        message: `The toolchain must be the server's Go: ${versionNote}; this go.mod selects ${toolchain.text}.`,
        data: { replace: `go${release.go}`, target: release.version },
      });
    }
    const contract = requirementOf(mod, CONTRACT_MODULE);
    const contractVersion = contract?.args[1];
    if (contract && contractVersion && contractVersion.text !== release.contract && !replaced(mod.lines)) {
      diagnostics.push({
        start: contractVersion.start,
        end: contractVersion.end,
        severity: 'error',
        code: 'ekuiper.contract-version',
        message: `${CONTRACT_MODULE} must be exactly the server's version: ${versionNote}; this go.mod requires ${contractVersion.text}, and eKuiper refuses to load the plugin.`,
        data: { replace: release.contract, target: release.version },
      });
    }
    if (target.unknown) {
      diagnostics.push({
        start: 0,
        end: 0,
        severity: 'warning',
        code: 'ekuiper.unknown-target',
        message: `Unknown eKuiper target version "${target.unknown}"; checked against ${release.version}. Known: see server/src/systems/ekuiper/target-versions.json.`,
      });
    }
    return diagnostics;
  },
};

/** A `replace` of the contract points at a local checkout: the version line says nothing then. */
function replaced(lines: GoModLine[]): boolean {
  return lines.some((l) => l.verb === 'replace' && l.args[0]?.text === CONTRACT_MODULE);
}
