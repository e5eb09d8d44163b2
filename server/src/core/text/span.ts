/** A span (a diagnostic, a placeholder) moved by `delta`: the same object when it does not move. */
export function shifted<T extends { start: number; end: number }>(span: T, delta: number): T {
  return delta === 0 ? span : { ...span, start: span.start + delta, end: span.end + delta };
}
