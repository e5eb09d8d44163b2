import type { Format, PlaceholderSpan } from '../types';

/**
 * Hosts like CloudQuery and LogCraft expand `${...}` in the raw text before they parse it, so
 * `destinations: [${DESTINATIONS},postgresql]` is valid there although it is not valid YAML as
 * written. We do the same with a stand-in of equal length, so every offset stays exact.
 */
export function substitutePlaceholders(
  text: string,
  format: Format,
  types?: readonly string[],
): { text: string; spans: PlaceholderSpan[] } {
  const spans: PlaceholderSpan[] = [];
  const pattern = /\$\{([^}\r\n]*)\}/g;
  let out = '';
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const inner = match[1];
    const colon = inner.indexOf(':');
    const prefix = colon > 0 ? inner.slice(0, colon) : '';
    const isTyped = prefix === 'file' || prefix === 'time';
    // A host that expands only some forms (LogCraft: envsubst of `${NAME}`) leaves the others as text.
    if (types && !types.includes(isTyped ? prefix : 'env')) continue;
    spans.push({ start, end, type: isTyped ? prefix : 'env', body: isTyped ? inner.slice(colon + 1) : inner });
    out += text.slice(last, start) + standIn(text, start, match[0].length, format);
    last = end;
  }
  if (!spans.length) return { text, spans };
  return { text: out + text.slice(last), spans };
}

function standIn(text: string, start: number, length: number, format: Format): string {
  // Bare letters are a valid plain scalar in YAML and fit inside quotes; TOML needs a value
  // outside quotes, and a run of 1s is a valid integer there.
  if (format === 'toml' && !insideTomlString(text, start)) return '1'.repeat(length);
  return 'x'.repeat(length);
}

function insideTomlString(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let quote: string | undefined;
  for (let i = lineStart; i < offset; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return false;
  }
  return quote !== undefined;
}
