import { findProperty, stringValue, valueSpan } from '../../../core';
import type { Rule } from '../../rule';
import { METADATA_KINDS, metadataRoot } from './metadata-context';

// Texts in plugin metadata carry `en_US` (the management console's English text; eKuiper's own
// files always have it). The schemas already require it of every `hint` and `label`; this covers
// the one they leave open, `about.description`. Nothing in eKuiper itself checks it (the console
// just shows nothing): a warning. The quick fix adds an empty `en_US` on a line of its own, which
// stays flagged until the English text is written (another language's text would pass unnoticed).
export const missingEnUs: Rule = {
  id: 'ekuiper.missing-en-us',
  kinds: METADATA_KINDS,
  check(context) {
    const about = findProperty(metadataRoot(context), 'about')?.value;
    const description = findProperty(about, 'description');
    if (!description || description.value.type !== 'object') return [];
    const en = findProperty(description.value, 'en_US');
    if (en) {
      // An empty text is no text: the console shows an empty description just the same.
      if (stringValue(en.value)?.trim() !== '') return [];
      return [
        {
          ...valueSpan(en.value),
          severity: 'warning',
          code: 'ekuiper.missing-en-us',
          message: `about.description.en_US is empty: the management console shows no description. Write the English text.`,
        },
      ];
    }
    return [
      {
        start: description.keyStart,
        end: description.keyEnd,
        severity: 'warning',
        code: 'ekuiper.missing-en-us',
        message: `about.description has no en_US text: the management console shows it in English. Add "en_US".`,
        data: {
          keyword: 'required',
          key: 'en_US',
          pointer: '/about/description',
          valueType: 'string',
          default: '',
        },
      },
    ];
  },
};
