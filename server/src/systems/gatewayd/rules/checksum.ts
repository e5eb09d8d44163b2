import * as path from 'node:path';
import {
  findProperty,
  stringValue,
  treeFact,
  treeFacts,
  type EngineDiagnostic,
  type ObjectNode,
  type PropertyNode,
} from '../../../core';
import type { Rule } from '../../rule';
import {
  MAX_HASH_BYTES,
  recallFrom,
  recallSettledFrom,
  resolveWithin,
  type FileAccess,
  type HashOutcome,
} from '../../../core';
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
    const dir = path.dirname(context.path);
    const roots = context.files.roots ?? [dir];
    const within = `${dir}\0${roots.join('\0')}`;
    for (const entry of pluginEntries(context.documents)) {
      const facts = treeFact(ENTRIES, entry, () => entryFacts(entry));
      if (!facts) continue;
      const { localPath, checksum, file, name, expected, compare } = facts;
      // The paths and lookup keys, once per entry tree and folder (a keystroke builds none).
      if (facts.within !== within) {
        const binary = path.resolve(dir, file);
        Object.assign(facts, { within, binary, placeKey: `resolve-within\0${roots.join('\0')}\0${binary}` });
      }
      const binary = facts.binary!;
      // Where the path leads, as the disk said a moment ago: a keystroke does not walk 2,000 paths
      // again. A binary not there yet is looked for every time (it is seen as soon as it is built).
      const place = recallFrom(
        context.files,
        facts.placeKey!,
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
      const found = factsOf(context.files, 'missing' in place ? undefined : place.inside, facts);
      const binaryFacts = found instanceof Promise ? await found : found;
      if (!binaryFacts.isFile) {
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
      if (!compare) continue;
      const hashed = binaryFacts.hashed;
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
      if (!actual || actual.toLowerCase() === expected!.toLowerCase()) continue;
      diagnostics.push({
        start: checksum!.value.start,
        end: checksum!.value.end,
        severity: 'warning',
        code: 'gatewayd.checksum-mismatch',
        message: `${name}: checksum does not match the binary at ${file} (its SHA-256 is ${actual}). GatewayD refuses to start the plugin outside --dev mode.`,
        data: { computed: actual, path: binary },
      });
    }
    return diagnostics;
  },
};

/** What the rule reads of one entry, kept per entry tree (see treeFact); undefined: nothing to check. */
interface EntryFacts {
  localPath: PropertyNode;
  checksum?: PropertyNode;
  file: string;
  name: string;
  expected?: string;
  compare: boolean;
  /** The manifest's folder and the allowed roots `binary` and `placeKey` were made for. */
  within?: string;
  binary?: string;
  placeKey?: string;
  /** The key factsOf looks the binary's facts up by, and what it was made for. */
  factsKey?: { inside: string; trusted: boolean; key: string };
}

const ENTRIES = treeFacts<EntryFacts | undefined>();

function entryFacts(entry: ObjectNode): EntryFacts | undefined {
  const localPath = findProperty(entry, 'localPath');
  const checksum = findProperty(entry, 'checksum');
  const file = stringValue(localPath?.value);
  if (!localPath || !file || (localPath.value.type === 'scalar' && localPath.value.placeholder)) return undefined;
  const expected = stringValue(checksum?.value);
  const compare = !!checksum && !!expected && SHA256.test(expected);
  return { localPath, checksum, file, name: entryName(entry) ?? 'this plugin', expected, compare };
}

interface BinaryFacts {
  isFile: boolean;
  hashed?: HashOutcome;
}

/**
 * Whether the binary is there and, when a checksum is to be compared, its hash: as the disk said a
 * moment ago (like where the path leads), so a keystroke in a file of 2,000 entries does not stat
 * 2,000 binaries twice. Kept only once settled: a binary not built yet, or still being hashed in
 * the background, is looked at again on the next use.
 */
function factsOf(files: FileAccess, inside: string | undefined, entry: EntryFacts): BinaryFacts | Promise<BinaryFacts> {
  if (inside === undefined) return { isFile: false };
  const { compare } = entry;
  // The lookup key, once per entry tree and place (a keystroke builds none).
  const trusted = files.trusted;
  if (entry.factsKey?.inside !== inside || entry.factsKey.trusted !== trusted) {
    const key = `gatewayd.binary\0${compare ? 'hash' : 'file'}\0${trusted ? 'trusted' : 'untrusted'}\0${inside}`;
    entry.factsKey = { inside, trusted, key };
  }
  return recallSettledFrom(
    files,
    entry.factsKey.key,
    async () => {
      if (!files.isFile(inside)) return { isFile: false };
      return compare ? { isFile: true, hashed: await files.sha256(inside) } : { isFile: true };
    },
    (facts) =>
      facts.isFile &&
      (!compare || (!!facts.hashed && ('sha256' in facts.hashed || facts.hashed.refused === 'too-large'))),
  );
}
