import { transfer } from 'comlink';

/** Marks every Float64Array found in `value` (one level of nesting deep) for zero-copy transfer. */
export function withTransfer<T extends object>(value: T): T {
  const buffers: ArrayBuffer[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (v instanceof Float64Array) {
      if (v.buffer instanceof ArrayBuffer && !buffers.includes(v.buffer)) buffers.push(v.buffer);
      return;
    }
    if (depth < 3 && v !== null && typeof v === 'object') {
      for (const child of Object.values(v)) visit(child, depth + 1);
    }
  };
  visit(value, 0);
  return transfer(value, buffers);
}
