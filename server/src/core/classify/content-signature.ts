import type { ContentSignature } from '../kinds';
import { findProperty } from '../parse/tree-builder';
import type { ValueNode } from '../types';

/** Does a document root match a declarative content signature? */
export function matchesSignature(root: ValueNode | undefined, signature: ContentSignature): boolean {
  if (!root || root.type !== 'object') return false;
  const has = (key: string) => findProperty(root, key) !== undefined;
  if (signature.allKeys && !signature.allKeys.every(has)) return false;
  if (signature.anyKeys && !signature.anyKeys.some(has)) return false;
  if (signature.noKeys && signature.noKeys.some(has)) return false;
  for (const [key, allowed] of Object.entries(signature.values ?? {})) {
    const value = findProperty(root, key)?.value;
    if (!value || value.type !== 'scalar' || value.value === null || !allowed.includes(value.value)) return false;
  }
  for (const [key, type] of Object.entries(signature.types ?? {})) {
    const value = findProperty(root, key)?.value;
    if (!value) return false;
    const actual = value.type === 'scalar' ? (typeof value.value === 'string' ? 'string' : 'other') : value.type;
    if (actual !== type) return false;
  }
  for (const [key, itemKeys] of Object.entries(signature.listItemKeys ?? {})) {
    const value = findProperty(root, key)?.value;
    if (!value || value.type !== 'array') return false;
    const first = value.items.find((item) => item.type === 'object');
    if (!first || !itemKeys.some((k) => findProperty(first, k))) return false;
  }
  return true;
}
