import { findProperty, stringValue, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { service, services } from './services';

// `lgc plan <identifier>` accepts a service id or an environment name: they share one namespace,
// so a service named like an environment makes the identifier ambiguous.
export const idClash: Rule = {
  id: 'logcraft.id-clash',
  kinds: ['logcraft-config'],
  check(context) {
    const all = services(context.documents);
    const environments = new Set(
      all.map((p) => stringValue(findProperty(service(p), 'environment')?.value)).filter((e): e is string => !!e),
    );
    const diagnostics: EngineDiagnostic[] = [];
    for (const property of all) {
      if (!environments.has(property.key)) continue;
      diagnostics.push({
        start: property.keyStart,
        end: property.keyEnd,
        severity: 'error',
        code: 'logcraft.id-clash',
        message: `Service "${property.key}" has the name of an environment: service ids and environments share one namespace in lgc commands. Rename the service or the environment.`,
      });
    }
    return diagnostics;
  },
};
