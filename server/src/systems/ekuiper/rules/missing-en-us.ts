import { findProperty, stringValue } from '../../../core';
import type { Rule } from '../../rule';
import { METADATA_KINDS, metadataRoot } from './metadata-context';

// Texts in plugin metadata carry `en_US` (the management console's English text; eKuiper's own
// files always have it). The schemas already require it of every `hint` and `label`; this covers
// the one they leave open, `about.description`. Nothing in eKuiper itself checks it (the console
// just shows nothing): a warning. The quick fix adds `en_US`, seeded with the text it has.
export const missingEnUs: Rule = {
  id: 'ekuiper.missing-en-us',
  kinds: METADATA_KINDS,
  check(context) {
    const about = findProperty(metadataRoot(context), 'about')?.value;
    const description = findProperty(about, 'description');
    if (!description || description.value.type !== 'object' || findProperty(description.value, 'en_US')) return [];
    const other = description.value.properties.map((p) => stringValue(p.value)).find((text) => text);
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
          default: other ?? '',
        },
      },
    ];
  },
};
