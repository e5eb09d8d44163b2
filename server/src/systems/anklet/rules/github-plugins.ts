import { findProperty, ownerSpan, type EngineDiagnostic, type ObjectNode } from '../../../core';
import type { Rule } from '../../rule';
import { ankletConfig, isReceiver, label, pluginType, setting } from './plugins';

/** Checks the github handler and receiver make when they start (ValidateGitHubScope and friends). */
export const githubPlugins: Rule = {
  id: 'anklet.github-scope',
  kinds: ['anklet-config'],
  check(context) {
    const { root, plugins } = ankletConfig(context.documents);
    const diagnostics: EngineDiagnostic[] = [];
    const at = (entry: ObjectNode, key: string) => {
      const property = findProperty(entry, key);
      return property ? { start: property.keyStart, end: property.keyEnd } : ownerSpan(entry, context.file.text);
    };
    const push = (span: { start: number; end: number }, severity: 'error' | 'warning', code: string, message: string) =>
      diagnostics.push({ ...span, severity, code, message });
    for (const entry of plugins) {
      const type = pluginType(entry);
      if (type !== 'github' && type !== 'github_receiver') continue;
      const name = label(entry);
      const has = (key: string) => !!setting(entry, key) || !!setting(root, `global_${key}`);
      // Scope: an owner (optionally with a repo) or an enterprise, not both.
      if (setting(entry, 'enterprise') && (setting(entry, 'owner') || setting(entry, 'repo'))) {
        push(
          at(entry, 'enterprise'),
          'error',
          'anklet.github-scope',
          `${name}: enterprise cannot be combined with owner or repo.`,
        );
      } else if (setting(entry, 'repo') && !setting(entry, 'owner')) {
        push(at(entry, 'repo'), 'error', 'anklet.github-scope', `${name}: repo requires owner to be set.`);
      } else if (!setting(entry, 'enterprise') && !setting(entry, 'owner')) {
        push(
          ownerSpan(entry, context.file.text),
          'error',
          'anklet.github-scope',
          `${name}: set owner (an organisation or user, optionally with repo) or enterprise.`,
        );
      }
      // Credentials: a token, or a GitHub App (private_key + app_id + installation_id). The
      // environment (<NAME>_TOKEN ...) may supply them at run time, hence a warning.
      if (!has('token') && !has('private_key')) {
        push(
          ownerSpan(entry, context.file.text),
          'warning',
          'anklet.credentials',
          `${name}: no token or private_key (here or as global_token / global_private_key); the plugin cannot reach GitHub.`,
        );
      } else if (has('private_key') && !has('token') && !setting(entry, 'app_id')) {
        push(
          at(entry, 'private_key'),
          'warning',
          'anklet.credentials',
          `${name}: private_key needs app_id (and installation_id) of the GitHub App.`,
        );
      }
      if (isReceiver(entry)) {
        if (!setting(entry, 'secret') && !setting(root, 'global_receiver_secret')) {
          push(
            ownerSpan(entry, context.file.text),
            'error',
            'anklet.receiver-secret',
            `${name}: a receiver needs secret (the webhook secret), or global_receiver_secret.`,
          );
        }
        if (!setting(entry, 'port')) {
          push(
            ownerSpan(entry, context.file.text),
            'warning',
            'anklet.receiver-port',
            `${name}: without port the receiver listens on a random port that GitHub's webhook cannot reach.`,
          );
        }
      }
    }
    return diagnostics;
  },
};
