import { parseSource, type EngineDiagnostic, type SyntaxNode } from '../../../core';
import type { Rule } from '../../rule';
import { contextsInScope, importNames, isTestFile } from './plugin-project';

const CODE = 'cloudquery.http-context';
/** Import path -> package name. */
const HTTP_PACKAGES: Array<[string, string]> = [
  ['net/http', 'http'],
  ['github.com/hashicorp/go-retryablehttp', 'retryablehttp'],
];
/** Package functions and client methods that send a request without a context. */
const SENDERS = new Set(['Get', 'Head', 'Post', 'PostForm']);

/** Names in this file that hold an HTTP client: fields, parameters and variables of type (*)<pkg>.Client, or made from one. */
function clientNames(root: SyntaxNode, packages: Set<string>): Set<string> {
  const isClientType = (node: SyntaxNode | null | undefined): boolean => {
    let type = node;
    while (
      type &&
      (type.type === 'pointer_type' || type.type === 'unary_expression' || type.type === 'composite_literal')
    )
      type = type.type === 'composite_literal' ? type.childForFieldName('type') : type.namedChildren[0];
    if (type?.type === 'call_expression') {
      // new(http.Client), retryablehttp.NewClient()
      const fn = type.childForFieldName('function');
      if (fn?.text === 'new') return isClientType(type.childForFieldName('arguments')?.namedChildren[0]);
      return (
        fn?.type === 'selector_expression' &&
        packages.has(fn.childForFieldName('operand')?.text ?? '') &&
        fn.childForFieldName('field')?.text === 'NewClient'
      );
    }
    if (type?.type === 'selector_expression' && type.childForFieldName('field')?.text === 'DefaultClient')
      return packages.has(type.childForFieldName('operand')?.text ?? '');
    return (
      type?.type === 'qualified_type' &&
      packages.has(type.childForFieldName('package')?.text ?? '') &&
      type.childForFieldName('name')?.text === 'Client'
    );
  };
  const names = new Set<string>();
  for (const node of root.descendantsOfType(['field_declaration', 'parameter_declaration', 'var_spec'])) {
    if (!node || !isClientType(node.childForFieldName('type') ?? node.childForFieldName('value')?.namedChildren[0]))
      continue;
    for (const name of node.childrenForFieldName('name')) if (name) names.add(name.text);
  }
  for (const node of root.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
    const left = node?.childForFieldName('left')?.namedChildren ?? [];
    const right = node?.childForFieldName('right')?.namedChildren ?? [];
    left.forEach((target, i) => {
      if (!target || !isClientType(right[i])) return;
      names.add(target.type === 'selector_expression' ? (target.childForFieldName('field')?.text ?? '') : target.text);
    });
  }
  // A struct literal field: &Client{HTTP: &http.Client{}}.
  for (const element of root.descendantsOfType('keyed_element')) {
    const [key, value] = element?.namedChildren ?? [];
    if (key && isClientType(value?.namedChildren[0] ?? value)) names.add(key.text);
  }
  names.delete('');
  return names;
}

/** The receiver's own name: `c` in c.Get, `HTTP` in c.api.HTTP.Get, `http.DefaultClient` as written. */
function receiverName(operand: SyntaxNode): string {
  return operand.type === 'selector_expression' ? (operand.childForFieldName('field')?.text ?? '') : operand.text;
}

/**
 * CloudQuery's onboarding notes: HTTP requests are built with the context. The resolver's context
 * is cancelled when the sync is (the Go source guide: "used to cancel the resolver function if the
 * user cancels the sync"); a request built without it keeps running. Reported on the call:
 * http.NewRequest (and go-retryablehttp's), http.Get/Head/Post/PostForm and those methods of an
 * HTTP client. A warning where a context.Context is at hand (with the fix to NewRequestWithContext
 * for NewRequest), information where the function has none to pass.
 */
export const cloudqueryHttpContext: Rule = {
  id: CODE,
  kinds: ['cloudquery-plugin-source'],
  async check(context) {
    if (isTestFile(context.path) || !/\bhttp\b/.test(context.text)) return [];
    const tree = await parseSource(context.text, 'go');
    try {
      const root = tree.rootNode;
      const packages = new Set(HTTP_PACKAGES.flatMap(([p, name]) => [...importNames(root, p, name)]));
      if (!packages.size) return [];
      const contexts = importNames(root, 'context');
      const clients = clientNames(root, packages);
      const diagnostics: EngineDiagnostic[] = [];
      for (const call of root.descendantsOfType('call_expression')) {
        const fn = call?.childForFieldName('function');
        if (!call || fn?.type !== 'selector_expression') continue;
        const operand = fn.childForFieldName('operand');
        const method = fn.childForFieldName('field')?.text ?? '';
        if (!operand) continue;
        const onPackage = operand.type === 'identifier' && packages.has(operand.text);
        const newRequest = onPackage && method === 'NewRequest';
        const send =
          SENDERS.has(method) &&
          (onPackage ||
            clients.has(receiverName(operand)) ||
            (operand.type === 'selector_expression' &&
              operand.childForFieldName('field')?.text === 'DefaultClient' &&
              packages.has(operand.childForFieldName('operand')?.text ?? '')));
        if (!newRequest && !send) continue;
        const ctx = contextsInScope(call, contexts)[0];
        const args = call.childForFieldName('arguments');
        const instead = newRequest
          ? `${operand.text}.NewRequestWithContext(ctx, ...)`
          : `${operand.type === 'identifier' && onPackage ? operand.text : 'http'}.NewRequestWithContext(ctx, http.Method${method === 'PostForm' ? 'Post' : method}, ...) and Do`;
        const replace =
          newRequest && ctx && args
            ? `${context.text.slice(call.startIndex, args.startIndex).replace(/NewRequest$/, 'NewRequestWithContext')}(${ctx}, ${context.text.slice(args.startIndex + 1, args.endIndex)}`
            : undefined;
        diagnostics.push({
          start: call.startIndex,
          end: call.endIndex,
          severity: ctx ? 'warning' : 'information',
          code: CODE,
          message: ctx
            ? `${fn.text}(...) ${newRequest ? 'builds' : 'sends'} a request without the context "${ctx}": a cancelled sync does not stop it. Use ${instead.replace('(ctx', `(${ctx}`)}.`
            : `${fn.text}(...) ${newRequest ? 'builds' : 'sends'} a request without a context: CloudQuery plugins build HTTP requests with the resolver's context (pass a context.Context here and use ${instead}), so that a cancelled sync stops them.`,
          data: replace ? { replace } : undefined,
        });
      }
      return diagnostics;
    } finally {
      tree.delete();
    }
  },
};
