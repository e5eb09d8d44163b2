import { findProperty, stringValue, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { service, services } from './services';

// `lgc plan <identifier>` accepts a service id or an environment name and tries the service first
// (libs/lgc-common/src/configuration.rs): a service named like an environment hides the environment
// from every command. lgc loads the file, so this is a warning (severity policy).
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
        severity: 'warning',
        code: 'logcraft.id-clash',
        message: `Service "${property.key}" has the name of an environment: service ids and environments share one namespace in lgc commands, and "lgc plan|apply|validate ${property.key}" picks the service, never the environment. Rename the service or the environment.`,
      });
    }
    return diagnostics;
  },
};
