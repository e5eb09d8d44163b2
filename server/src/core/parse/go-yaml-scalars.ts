// How Go's YAML libraries type a scalar, written from their documented rules (gopkg.in/yaml.v2
// 2.4 and gopkg.in/yaml.v3 3.0 `resolve`): the hosts on Go decode with these, not with a YAML
// schema, and they differ from YAML 1.1 and 1.2 in places (base-0 integers with `_` stripped,
// no sexagesimal numbers, integers past int64 becoming floats, hex that overflows staying a
// string). test/oracle checks this file against the real libraries.

/** The Go type a decoder into `interface{}` produces. */
export type ScalarTag = 'null' | 'bool' | 'int' | 'float' | 'string' | 'time' | 'binary';

export interface ResolvedScalar {
  tag: ScalarTag;
  value: string | number | boolean | null;
  /** The exact integer, when it does not fit a JS number exactly. */
  big?: bigint;
}

export type GoYamlVersion = 'v2' | 'v3';

export class GoYamlTagError extends Error {}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES_V3 = new Set(['true', 'True', 'TRUE']);
const FALSES_V3 = new Set(['false', 'False', 'FALSE']);
// yaml.v2 keeps YAML 1.1's booleans.
const TRUES_V2 = new Set([...TRUES_V3, 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const FALSES_V2 = new Set([...FALSES_V3, 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const SPECIAL_FLOATS: Record<string, number> = {};
for (const spelling of ['.nan', '.NaN', '.NAN']) SPECIAL_FLOATS[spelling] = NaN;
for (const spelling of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) SPECIAL_FLOATS[spelling] = Infinity;
for (const spelling of ['-.inf', '-.Inf', '-.INF']) SPECIAL_FLOATS[spelling] = -Infinity;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Types one scalar as the Go library does. `tag` is the explicit tag in short form (`!!int`) or
 * undefined; `quoted` is true for quoted and block scalars (always strings unless tagged).
 * Throws GoYamlTagError with the library's message when a tag does not fit the value.
 */
export function resolveGoScalar(
  version: GoYamlVersion,
  text: string,
  tag: string | undefined,
  quoted: boolean,
): ResolvedScalar {
  if (tag === undefined && quoted) return { tag: 'string', value: text };
  if (tag !== undefined && !RESOLVABLE.has(tag)) return { tag: 'string', value: text };
  if (tag === '!!str') return { tag: 'string', value: text };
  if (tag === '!!binary') return { tag: 'binary', value: text };
  const resolved = resolvePlain(version, text, tag);
  if (tag === undefined || tag === TAG_NAMES[resolved.tag]) return resolved;
  if (tag === '!!float' && resolved.tag === 'int')
    return { tag: 'float', value: Number(resolved.big ?? resolved.value) };
  throw new GoYamlTagError(`cannot decode ${TAG_NAMES[resolved.tag]} \`${text}\` as a ${tag}`);
}

const RESOLVABLE = new Set(['!!str', '!!bool', '!!int', '!!float', '!!timestamp', '!!null', '!!binary']);
const TAG_NAMES: Record<ScalarTag, string> = {
  null: '!!null',
  bool: '!!bool',
  int: '!!int',
  float: '!!float',
  string: '!!str',
  time: '!!timestamp',
  binary: '!!binary',
};

/**
 * The first characters of a plain scalar that may be anything but a string: those of the words
 * above, and of numbers and timestamps. Most scalars (names, paths) start with another and are
 * strings at once, without a lookup in each table.
 */
const MAY_RESOLVE = new Set(
  [...NULLS, ...TRUES_V2, ...FALSES_V2, ...Object.keys(SPECIAL_FLOATS), '.', '+', '-', ...'0123456789'].map((word) =>
    word.charAt(0),
  ),
);

function resolvePlain(version: GoYamlVersion, text: string, tag: string | undefined): ResolvedScalar {
  if (!MAY_RESOLVE.has(text.charAt(0))) return { tag: 'string', value: text };
  if (NULLS.has(text)) return { tag: 'null', value: null };
  if ((version === 'v2' ? TRUES_V2 : TRUES_V3).has(text)) return { tag: 'bool', value: true };
  if ((version === 'v2' ? FALSES_V2 : FALSES_V3).has(text)) return { tag: 'bool', value: false };
  if (text in SPECIAL_FLOATS) return { tag: 'float', value: SPECIAL_FLOATS[text] };
  const first = text[0];
  if (first === '.') {
    const value = goParseFloat(text);
    return value === undefined ? { tag: 'string', value: text } : { tag: 'float', value };
  }
  if (!/[-+0-9]/.test(first)) return { tag: 'string', value: text };
  // v3 types an unquoted timestamp as time.Time; v2 does too, but hands it to interface{} as text.
  if ((tag === undefined || tag === '!!timestamp') && isGoTimestamp(text))
    return { tag: version === 'v3' ? 'time' : 'string', value: text };
  const plain = text.replace(/_/g, '');
  const integer = goParseIntBase0(plain);
  if (integer !== undefined && integer >= INT64_MIN && integer <= UINT64_MAX) return intResult(integer);
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = goParseFloat(plain);
    if (value !== undefined) return { tag: 'float', value };
  }
  if (version === 'v2') {
    // yaml.v2 also reads `0b…` past what ParseInt accepts (never reached for valid binary).
    const binary = /^(-?)0b([01]+)$/.exec(plain);
    if (binary) {
      const value = BigInt('0b' + binary[2]) * (binary[1] ? -1n : 1n);
      if (value >= INT64_MIN && value <= INT64_MAX) return intResult(value);
    }
  }
  return { tag: 'string', value: text };
}

function intResult(value: bigint): ResolvedScalar {
  const number = Number(value);
  return Number.isSafeInteger(number) ? { tag: 'int', value: number } : { tag: 'int', value: number, big: value };
}

/** strconv.ParseInt(s, 0, 64) / ParseUint without the range check (done by the caller). */
function goParseIntBase0(s: string): bigint | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!match) return undefined;
  const [, sign, digits] = match;
  let value: bigint;
  if (/^0[oO]/.test(digits)) value = BigInt('0o' + digits.slice(2));
  else if (/^0[xXbB]/.test(digits)) value = BigInt(digits.toLowerCase());
  else if (digits.length > 1 && digits[0] === '0') value = BigInt('0o' + digits.slice(1));
  else value = BigInt(digits);
  if (sign === '-') {
    value = -value;
    if (value < INT64_MIN) return undefined;
  }
  return value;
}

/** strconv.ParseFloat(s, 64) for the decimal forms YAML reaches it with; out of range fails. */
function goParseFloat(s: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/** The four layouts Go's YAML libraries try for a timestamp, with time.Parse's range checks. */
export function isGoTimestamp(s: string): boolean {
  const match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(
      s,
    );
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1];
  if (day > days) return false;
  const hour = match[4] ?? match[7];
  const minute = match[5] ?? match[8];
  const second = match[6] ?? match[9];
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)) return false;
  return true;
}
