import { parseSource, type EngineDiagnostic, type SyntaxNode } from '../../../core';
import type { Rule } from '../../rule';
import { importNames, isTestFile } from './plugin-project';

const CODE = 'cloudquery.env-credentials';
/** Parts of a variable name that say it holds a secret (SHOP_API_TOKEN, DB_PASSWORD, GITHUB_PAT...). */
const SECRET_PARTS =
  /^(TOKEN|TOKENS|SECRET|SECRETS|PASSWORD|PASSWD|PASS|PWD|KEY|APIKEY|AUTH|CREDENTIAL|CREDENTIALS|CREDS|PAT)$/;

/** The variable a Getenv/LookupEnv call names, when its argument is a string literal. */
function variableName(call: SyntaxNode): string | undefined {
  const arg = call.childForFieldName('arguments')?.namedChildren[0];
  return arg && (arg.type === 'interpreted_string_literal' || arg.type === 'raw_string_literal')
    ? arg.text.slice(1, -1)
    : undefined;
}

export function looksSecret(variable: string): boolean {
  return variable
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .some((part) => SECRET_PARTS.test(part));
}

/**
 * CloudQuery's onboarding notes: authentication is fed through the plugin's spec, not read with
 * os.Getenv. The spec is what users configure, `validate-config` checks and the Hub documents; the
 * CLI expands `${VAR}` in the spec before the plugin sees it (spec_reader.go expandEnv), so an
 * environment variable still works there. Reading a secret from the environment is a warning,
 * other environment reads in plugin code (not tests) are information.
 */
export const cloudqueryEnvCredentials: Rule = {
  id: CODE,
  kinds: ['cloudquery-plugin-source'],
  async check(context) {
    if (isTestFile(context.path) || !/\b(Getenv|LookupEnv)\b/.test(context.text)) return [];
    const tree = await parseSource(context.text, 'go');
    try {
      const os = importNames(tree.rootNode, 'os');
      const diagnostics: EngineDiagnostic[] = [];
      for (const call of tree.rootNode.descendantsOfType('call_expression')) {
        const fn = call?.childForFieldName('function');
        if (!call || fn?.type !== 'selector_expression') continue;
        const operand = fn.childForFieldName('operand');
        const field = fn.childForFieldName('field')?.text;
        if (operand?.type !== 'identifier' || !os.has(operand.text)) continue;
        if (field !== 'Getenv' && field !== 'LookupEnv') continue;
        const variable = variableName(call);
        const secret = variable !== undefined && looksSecret(variable);
        const shown = `${operand.text}.${field}(${variable === undefined ? '...' : JSON.stringify(variable)})`;
        const spec = `\${${variable ?? 'VAR'}}`;
        diagnostics.push({
          start: call.startIndex,
          end: call.endIndex,
          severity: secret ? 'warning' : 'information',
          code: CODE,
          message: secret
            ? `${shown} reads a credential from the plugin's environment: CloudQuery plugins take authentication from their spec (a field of the plugin's Spec, which users can still set to ${spec}: the CLI expands it).`
            : `${shown} configures the plugin outside its spec: CloudQuery plugins read their settings from the spec (users can write ${spec} there: the CLI expands it).`,
        });
      }
      return diagnostics;
    } finally {
      tree.delete();
    }
  },
};
