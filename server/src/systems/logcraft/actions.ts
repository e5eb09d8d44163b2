import type { ActionLensRow } from '../types';

/**
 * "Validate" and "Plan" above each service of lgc.toml: `lgc validate <id>` / `lgc plan <id>` in
 * the LogCraft project (an identifier limits the command to that service, docs/hosts/logcraft.md).
 */
const serviceId = (node: { property?: { key: string } }) => (node.property ? [node.property.key] : []);

export const LOGCRAFT_ACTIONS: ActionLensRow[] = [
  { kind: 'logcraft-config', path: 'services.*', title: 'Validate', run: 'validate', args: serviceId },
  { kind: 'logcraft-config', path: 'services.*', title: 'Plan', run: 'plan', args: serviceId },
];
