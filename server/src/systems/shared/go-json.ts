import type { ValueNode } from '../../core';

// encoding/json's verdict on a value for a Go type: which JSON types a field accepts (null fits
// every field), keys matched ignoring case, unknown keys ignored.

/** A Go type as encoding/json sees it. */
export type GoShape =
  | 'string'
  | 'bool'
  | 'number'
  | 'any'
  | { struct: string; fields: Record<string, GoShape> }
  | { slice: GoShape }
  | { map: GoShape };

function jsonType(node: ValueNode): string {
  if (node.type === 'object') return 'object';
  if (node.type === 'array') return 'array';
  if (node.value === null) return 'null';
  if (typeof node.value === 'boolean') return 'bool';
  if (typeof node.value === 'number' || typeof node.value === 'bigint') return 'number';
  return 'string';
}

function goName(shape: GoShape): string {
  if (typeof shape === 'string') return shape === 'number' ? 'float64' : shape === 'any' ? 'interface {}' : shape;
  if ('struct' in shape) return `meta.${shape.struct}`;
  if ('slice' in shape) return `[]${goName(shape.slice)}`;
  return `map[string]${goName(shape.map)}`;
}

function fits(shape: GoShape, type: string): boolean {
  if (type === 'null' || shape === 'any') return true;
  if (typeof shape === 'string') return shape === type;
  if ('slice' in shape) return type === 'array';
  return type === 'object';
}

/**
 * json.Unmarshal's error for `node` at `pointer` (a JSON pointer from the root) in a value of
 * type `root`, as Go words it ("json: cannot unmarshal string into Go struct field
 * fileAbout.about.trial of type bool"), or undefined when Go accepts it there.
 */
export function goRefusal(root: GoShape, pointer: string, node: ValueNode): string | undefined {
  let shape: GoShape = root;
  let owner: string | undefined = typeof root === 'object' && 'struct' in root ? root.struct : undefined;
  const fields: string[] = [];
  for (const raw of pointer.split('/').slice(1)) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (shape === 'any' || typeof shape === 'string') return undefined;
    if ('struct' in shape) {
      const name =
        step in shape.fields ? step : Object.keys(shape.fields).find((f) => f.toLowerCase() === step.toLowerCase());
      if (!name) return undefined; // an unknown key: ignored
      owner = shape.struct;
      fields.push(name);
      shape = shape.fields[name];
    } else if ('slice' in shape) shape = shape.slice;
    else shape = shape.map;
  }
  const type = jsonType(node);
  if (fits(shape, type)) return undefined;
  const into = owner && fields.length ? `Go struct field ${owner}.${fields.join('.')}` : 'Go value';
  return `json: cannot unmarshal ${type} into ${into} of type ${goName(shape)}`;
}
