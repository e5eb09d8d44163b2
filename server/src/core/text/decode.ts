/** Manifests larger than this are skipped: no real manifest comes close, and parsing would stall an editor. */
export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

export type Decoded = { text: string } | { skip: string };

export function tooLargeReason(size: number): string {
  return `file is ${(size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_MANIFEST_BYTES / 1024 / 1024} MB limit for a manifest; not validated`;
}

/** Bytes from disk to text, or the reason the file is not a manifest we can read. */
export function decodeManifest(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_MANIFEST_BYTES) {
    return { skip: tooLargeReason(bytes.length) };
  }
  if (bytes.includes(0)) return { skip: 'file is binary (it contains NUL bytes); not validated' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets; the BOM is not content
    return { text };
  } catch {
    return { skip: 'file is not valid UTF-8; not validated (save it as UTF-8)' };
  }
}
