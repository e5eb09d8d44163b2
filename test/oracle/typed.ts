// What the oracle programs (yamldecode, tomldecode) print per document: success and the value
// with its type names, or the decoder's error.

export interface Typed {
  t: string;
  v: unknown;
}

export interface OracleResult {
  ok: boolean;
  error?: string;
  value?: Typed;
}
