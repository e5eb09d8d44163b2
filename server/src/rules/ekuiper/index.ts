import type { Rule } from '../rule';
import { nativePlugin } from './native-plugin';
import { portablePackage } from './portable-package';

export const EKUIPER_RULES: readonly Rule[] = [portablePackage, nativePlugin];
