// Drawing a value grid (a loss surface, decision regions) inside a uPlot chart: a heat-map image
// under the axes, contour lines by marching squares, and a lookup of the cell under the cursor.
// Pure drawing: the values themselves come from the worker.
import type uPlot from 'uplot';

/** Values on a regular grid: `values` is ny × nx, row-major, row j belonging to y[j]. */
export interface GridField {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  values: ArrayLike<number>;
}

export type Rgba = readonly [number, number, number, number];

/** Paints one pixel per grid cell (top row = last y) into an off-screen canvas. */
export function paintGrid(nx: number, ny: number, colourAt: (index: number) => Rgba): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const image = ctx.createImageData(nx, ny);
  for (let j = 0; j < ny; j++) {
    const row = ny - 1 - j;
    for (let i = 0; i < nx; i++) {
      const [r, g, b, a] = colourAt(j * nx + i);
      const p = (row * nx + i) * 4;
      image.data[p] = r;
      image.data[p + 1] = g;
      image.data[p + 2] = b;
      image.data[p + 3] = a;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** Canvas-pixel position of a fractional grid index along one axis (interpolated between grid points). */
function axisPos(u: uPlot, axis: ArrayLike<number>, scale: 'x' | 'y', index: number): number {
  const last = axis.length - 1;
  const i0 = Math.max(0, Math.min(last, Math.floor(index)));
  const i1 = Math.min(last, i0 + 1);
  const p0 = u.valToPos(axis[i0] as number, scale, true);
  if (i1 === i0) return p0;
  const p1 = u.valToPos(axis[i1] as number, scale, true);
  return p0 + (p1 - p0) * (index - i0);
}

/** Draws a painted grid over the chart's plotting area, each pixel centred on its grid point. */
export function drawGridImage(u: uPlot, image: HTMLCanvasElement, field: Pick<GridField, 'x' | 'y'>): void {
  const nx = field.x.length;
  const ny = field.y.length;
  const left = axisPos(u, field.x, 'x', -0.5);
  const right = axisPos(u, field.x, 'x', nx - 0.5);
  const bottom = axisPos(u, field.y, 'y', -0.5);
  const top = axisPos(u, field.y, 'y', ny - 0.5);
  const { ctx } = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(image, left, top, right - left, bottom - top);
  ctx.restore();
}

/**
 * Contour segments of `level` by marching squares, as fractional grid indices [i0, j0, i1, j1, …]
 * (saddles resolved by the cell's centre value). Cells touching a non-finite value are skipped.
 */
export function contourSegments(field: GridField, level: number): number[] {
  const nx = field.x.length;
  const ny = field.y.length;
  const v = field.values;
  const out: number[] = [];
  const at = (i: number, j: number) => v[j * nx + i] as number;
  // Position of the crossing between two corner values along an edge (0…1).
  const cross = (a: number, b: number) => (a === b ? 0.5 : (level - a) / (b - a));
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const a = at(i, j); // bottom-left
      const b = at(i + 1, j); // bottom-right
      const c = at(i + 1, j + 1); // top-right
      const d = at(i, j + 1); // top-left
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const bottom = [i + cross(a, b), j] as const;
      const right = [i + 1, j + cross(b, c)] as const;
      const top = [i + cross(d, c), j + 1] as const;
      const left = [i, j + cross(a, d)] as const;
      const seg = (p: readonly [number, number], q: readonly [number, number]) => out.push(p[0], p[1], q[0], q[1]);
      switch (code) {
        case 1:
        case 14:
          seg(left, bottom);
          break;
        case 2:
        case 13:
          seg(bottom, right);
          break;
        case 3:
        case 12:
          seg(left, right);
          break;
        case 4:
        case 11:
          seg(right, top);
          break;
        case 6:
        case 9:
          seg(bottom, top);
          break;
        case 7:
        case 8:
          seg(left, top);
          break;
        case 5:
        case 10: {
          const centreAbove = (a + b + c + d) / 4 > level;
          // Code 5 has a and c above: joined through the centre when it is above too.
          if ((code === 5) === centreAbove) {
            seg(left, top);
            seg(bottom, right);
          } else {
            seg(left, bottom);
            seg(right, top);
          }
          break;
        }
      }
    }
  }
  return out;
}

/** Strokes contour segments (from `contourSegments`) on the chart. */
export function drawContourSegments(u: uPlot, field: Pick<GridField, 'x' | 'y'>, segments: readonly number[], stroke: string, width = 1): void {
  const { ctx } = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  ctx.strokeStyle = stroke;
  ctx.lineWidth = width * devicePixelRatio;
  ctx.beginPath();
  for (let k = 0; k + 3 < segments.length; k += 4) {
    ctx.moveTo(axisPos(u, field.x, 'x', segments[k] as number), axisPos(u, field.y, 'y', segments[k + 1] as number));
    ctx.lineTo(axisPos(u, field.x, 'x', segments[k + 2] as number), axisPos(u, field.y, 'y', segments[k + 3] as number));
  }
  ctx.stroke();
  ctx.restore();
}

/** The index of the axis point nearest to `value`, or -1 more than half a step outside the axis. */
function nearestOnAxis(axis: ArrayLike<number>, value: number): number {
  const n = axis.length;
  const first = axis[0] as number;
  const last = axis[n - 1] as number;
  const half = n > 1 ? Math.abs(last - first) / (n - 1) / 2 : 0;
  if (!(value >= Math.min(first, last) - half && value <= Math.max(first, last) + half)) return -1;
  let best = 0;
  for (let k = 1; k < n; k++) if (Math.abs((axis[k] as number) - value) < Math.abs((axis[best] as number) - value)) best = k;
  return best;
}

/** Index of the grid point nearest to a data position (for cursor readouts), or -1 outside the grid. */
export function nearestCell(field: Pick<GridField, 'x' | 'y'>, x: number, y: number): number {
  const i = nearestOnAxis(field.x, x);
  const j = nearestOnAxis(field.y, y);
  return i < 0 || j < 0 ? -1 : j * field.x.length + i;
}

// viridis at 9 evenly spaced stops (matplotlib's colormap, sampled): readable in light and dark.
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** The viridis colour at t in [0, 1] (clamped), opaque. */
export function viridis(t: number): Rgba {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 1)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - k;
  const a = VIRIDIS[k] as readonly [number, number, number];
  const b = VIRIDIS[k + 1] as readonly [number, number, number];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, 255];
}

/** Okabe–Ito colours for classes (distinguishable with the common colour-vision deficiencies). */
export const CLASS_COLOURS: readonly (readonly [number, number, number])[] = [
  [0, 114, 178],
  [230, 159, 0],
  [0, 158, 115],
  [204, 121, 167],
  [213, 94, 0],
];

/** A class's colour as CSS. */
export function classColour(index: number, alpha = 1): string {
  const [r, g, b] = CLASS_COLOURS[index % CLASS_COLOURS.length] as readonly [number, number, number];
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Draws a marker of one of five shapes (circle, square, triangle, diamond, cross) centred at (x, y). */
export function drawMarker(ctx: CanvasRenderingContext2D, shape: number, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (shape % 5) {
    case 0:
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      break;
    case 1:
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 2:
      ctx.moveTo(x, y - r * 1.1);
      ctx.lineTo(x + r, y + r * 0.8);
      ctx.lineTo(x - r, y + r * 0.8);
      ctx.closePath();
      break;
    case 3:
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      break;
    default:
      ctx.moveTo(x - r, y - r * 0.35);
      ctx.lineTo(x - r * 0.35, y - r * 0.35);
      ctx.lineTo(x - r * 0.35, y - r);
      ctx.lineTo(x + r * 0.35, y - r);
      ctx.lineTo(x + r * 0.35, y - r * 0.35);
      ctx.lineTo(x + r, y - r * 0.35);
      ctx.lineTo(x + r, y + r * 0.35);
      ctx.lineTo(x + r * 0.35, y + r * 0.35);
      ctx.lineTo(x + r * 0.35, y + r);
      ctx.lineTo(x - r * 0.35, y + r);
      ctx.lineTo(x - r * 0.35, y + r * 0.35);
      ctx.lineTo(x - r, y + r * 0.35);
      ctx.closePath();
  }
}
