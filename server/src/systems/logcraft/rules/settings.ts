import { findProperty, stringValue, toValue, type EngineDiagnostic } from '../../../core';
import { mapSchemaErrors } from '../../../schemas/error-mapper';
import type { Rule } from '../../rule';
import { service, services } from './services';

/** Plugins whose settings we know: their schema is schemas/logcraft-settings-<plugin>.schema.json. */
const KNOWN = ['splunk', 'sentinel'];

// The official plugins read their service settings with serde; a wrong type or value fails there.
export const serviceSettings: Rule = {
  id: 'logcraft.settings',
  kinds: ['logcraft-config'],
  check(context) {
    const diagnostics: EngineDiagnostic[] = [];
    for (const property of services(context.documents)) {
      const plugin = stringValue(findProperty(service(property), 'plugin')?.value);
      if (!plugin || !KNOWN.includes(plugin)) continue;
      const settings = findProperty(service(property), 'settings')?.value;
      if (!settings || settings.type !== 'object') continue;
      const kind = `logcraft-settings-${plugin}`;
      const validate = context.schemas.validatorFor(kind);
      if (!validate || validate(toValue(settings))) continue;
      // Validated on its own, so pointers are relative to the settings table.
      const mapped = mapSchemaErrors([...(validate.errors ?? [])], {
        system: 'logcraft',
        root: settings,
        text: context.file.text,
        branchValidator: context.schemas.branchValidatorFor(kind),
      });
      diagnostics.push(...mapped.map((d) => ({ ...d, message: `${property.key} (${plugin}): ${d.message}` })));
    }
    return diagnostics;
  },
};
