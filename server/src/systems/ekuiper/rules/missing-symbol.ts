import * as path from 'node:path';
import { findProperty, stringValue } from '../../../core';
import type { Rule } from '../../rule';
import {
  METADATA_KINDS,
  belongsToPortable,
  declaresSymbol,
  mainGoSources,
  metadataRoot,
  pluginAnchor,
  pluginName,
  pluginTypeOf,
  ucFirst,
} from './metadata-context';

// eKuiper opens a native plugin's .so and looks up the symbol ucFirst(<name>) (a lookup source:
// <Name>Lookup; a function plugin installed with a `functions` list: ucFirst of each function)
// (internal/plugin/native/manager.go). A missing symbol only logs "cannot find symbol" and the
// plugin never works: a warning. Judged only when the plugin's `package main` Go sources are
// found beside the metadata (or at the project root of an etc/ layout); shown on `about`.
export const missingSymbol: Rule = {
  id: 'ekuiper.missing-symbol',
  kinds: METADATA_KINDS,
  check(context) {
    const type = pluginTypeOf(context.kind);
    if (!type || belongsToPortable(context)) return [];
    const sources = mainGoSources(context);
    if (!sources.length) return [];
    const name = pluginName(context);
    const symbol = ucFirst(name);
    const accepted = new Set([symbol]);
    if (type === 'source') accepted.add(`${symbol}Lookup`);
    if (type === 'function') {
      // A function plugin may export one symbol per SQL function instead of one for the plugin.
      const functions = findProperty(metadataRoot(context), 'functions')?.value;
      for (const item of functions?.type === 'array' ? functions.items : []) {
        const fn = stringValue(findProperty(item, 'name')?.value);
        if (fn) accepted.add(ucFirst(fn));
      }
    }
    if (sources.some((source) => [...accepted].some((candidate) => declaresSymbol(source.code, candidate)))) return [];
    const where = [...new Set(sources.map((s) => path.basename(path.dirname(s.file))))].join(', ');
    const shape =
      type === 'function' ? `var ${symbol} = ...` : `func ${symbol}() api.${type === 'source' ? 'Source' : 'Sink'}`;
    return [
      {
        ...pluginAnchor(context),
        severity: 'warning',
        code: 'ekuiper.missing-symbol',
        message: `No Go source of plugin "${name}" (package main in ${where}/) exports ${symbol}: eKuiper looks the plugin up by that symbol and cannot load it ("cannot find symbol"). Export it, e.g. ${shape}.`,
        data: { symbol },
      },
    ];
  },
};
