import * as path from 'node:path';
import { findProperty, stringValue, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { MAX_HASH_BYTES, recallFrom, resolveWithin } from '../../../core';
import { binaryMissingMessage } from '../update-checksum';
import { entryName, pluginEntries } from './plugin-entries';

const SHA256 = /^[0-9a-fA-F]{64}$/;

// GatewayD verifies `checksum` against the binary at `localPath` before it starts a plugin (not in
// --dev mode). The binary is hashed by streaming, only in a trusted workspace, and only when it is
// a regular file inside the allowed folders: a SARIF report must not publish the hash (or the
// existence) of /etc/shadow because a manifest names it.
export const checksumMatchesBinary: Rule = {
  id: 'gatewayd.checksum-mismatch',
  kinds: ['gatewayd-plugins'],
  async check(context) {
    const diagnostics: EngineDiagnostic[] = [];
    for (const entry of pluginEntries(context.documents)) {
      const localPath = findProperty(entry, 'localPath');
      const checksum = findProperty(entry, 'checksum');
      const file = stringValue(localPath?.value);
      if (!localPath || !file || (localPath.value.type === 'scalar' && localPath.value.placeholder)) continue;
      const binary = path.resolve(path.dirname(context.path), file);
      const name = entryName(entry) ?? 'this plugin';
      const roots = context.files.roots ?? [path.dirname(context.path)];
      // Where the path leads, as the disk said a moment ago: a keystroke does not walk 2,000 paths
      // again. A binary not there yet is looked for every time (it is seen as soon as it is built).
      const place = recallFrom(
        context.files,
        `resolve-within\0${roots.join('\0')}\0${binary}`,
        () => resolveWithin(roots, binary),
        (found) => !('missing' in found),
      );
      if ('outside' in place) {
        // Said without looking: the same words whether or not something exists out there.
        diagnostics.push({
          start: localPath.value.start,
          end: localPath.value.end,
          severity: 'information',
          code: 'gatewayd.binary-outside',
          message: `${name}: ${file} leads outside the workspace folders; its checksum is not compared (the CLI compares it with --read-outside).`,
        });
        continue;
      }
      if ('missing' in place || !context.files.isFile(place.inside)) {
        diagnostics.push({
          start: localPath.value.start,
          end: localPath.value.end,
          severity: 'information',
          code: 'gatewayd.binary-missing',
          message: binaryMissingMessage(name, file),
          data: { path: binary },
        });
        continue;
      }
      const expected = stringValue(checksum?.value);
      if (!checksum || !expected || !SHA256.test(expected)) continue;
      const hashed = await context.files.sha256(place.inside);
      if (hashed && 'refused' in hashed && hashed.refused === 'too-large') {
        diagnostics.push({
          start: localPath.value.start,
          end: localPath.value.end,
          severity: 'information',
          code: 'gatewayd.binary-too-large',
          message: `${name}: the binary at ${file} is larger than ${MAX_HASH_BYTES / 1024 / 1024} MB; its checksum is not compared.`,
        });
        continue;
      }
      const actual = hashed && 'sha256' in hashed ? hashed.sha256 : undefined;
      if (!actual || actual.toLowerCase() === expected.toLowerCase()) continue;
      diagnostics.push({
        start: checksum.value.start,
        end: checksum.value.end,
        severity: 'warning',
        code: 'gatewayd.checksum-mismatch',
        message: `${name}: checksum does not match the binary at ${file} (its SHA-256 is ${actual}). GatewayD refuses to start the plugin outside --dev mode.`,
        data: { computed: actual, path: binary },
      });
    }
    return diagnostics;
  },
};
