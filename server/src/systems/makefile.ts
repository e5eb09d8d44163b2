import * as path from 'node:path';
import { readText } from './projects';

// Enough of GNU make's syntax to know which targets a Makefile offers and what a simple variable
// holds, so that tasks are offered only for targets that exist and build outputs match the
// Makefile's. Not an evaluator: targets or values built from other variables are left out.

/** The names GNU make looks for, in its order. */
const MAKEFILE_NAMES = ['GNUmakefile', 'makefile', 'Makefile'];

/** The Makefile `make` would read in a folder, undefined when there is none. */
export function readMakefile(dir: string): string | undefined {
  for (const name of MAKEFILE_NAMES) {
    const text = readText(path.join(dir, name));
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Logical lines: continuation backslashes joined, recipe lines (tab first) and define blocks dropped, comments cut. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let inDefine = false;
  for (const raw of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    if (inDefine) {
      if (/^\s*endef\b/.test(raw)) inDefine = false;
      continue;
    }
    if (raw.startsWith('\t')) continue;
    const line = raw.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (/^(override\s+|export\s+)?define\b/.test(line)) {
      inDefine = true;
      continue;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** An assignment: `NAME = v`, `:=`, `::=`, `:::=`, `?=`, `+=`, `!=` (with optional override/export). */
const ASSIGNMENT = /^(?:(?:override|export|private)\s+)*([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,3}|[?+!])?=\s*(.*)$/;
/** A rule: targets, then `:` or `::` that is not the start of `:=`. */
const RULE = /^([^:=]+?)\s*::?(?![:=])(.*)$/;

/** The explicit targets of a Makefile: rules' targets, without special (`.PHONY`), pattern (`%`) or computed (`$`) ones. */
export function makeTargets(text: string): Set<string> {
  const targets = new Set<string>();
  for (const line of logicalLines(text)) {
    if (ASSIGNMENT.test(line)) continue;
    const rule = RULE.exec(line);
    if (!rule) continue;
    // `target: VAR = value` sets a variable for the target; it defines no rule.
    if (ASSIGNMENT.test(rule[2].trim())) continue;
    for (const target of rule[1].split(/\s+/)) {
      if (target && !target.startsWith('.') && !/[%$]/.test(target)) targets.add(target);
    }
  }
  return targets;
}

/** A variable's value as written (`BINARY := cq-source-x`), undefined when unset or built from other variables. */
export function makeVariableValue(text: string, name: string): string | undefined {
  let value: string | undefined;
  for (const line of logicalLines(text)) {
    const assignment = ASSIGNMENT.exec(line);
    if (assignment && assignment[1] === name) value = assignment[2].trim();
  }
  return value && !value.includes('$') ? value : undefined;
}
