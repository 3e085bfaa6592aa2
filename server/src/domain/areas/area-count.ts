import { addCounts, addInterval, type Tally, tallyOn, tallyTable } from '../tally';
import { BOUNDARY, type CellCover, coverCells, INSIDE } from './area-cells';
import { type AreaIndex, EVENT_WIDTH } from './area-index';
import { ON_EDGE, rayCrossings, type ShapeEdges } from './point-in-polygon';

/** Calls visit(row) for each premise row inside the shape, cell by cell (boundary rows tested exactly). */
function forEachCell(
  index: AreaIndex,
  shape: ShapeEdges,
  cover: CellCover,
  inside: (cell: number) => void,
  boundaryRow: (row: number, group: number) => void,
): void {
  const { grid, cellGroupStart, groupRowStart, rows, cols } = index;
  for (let r = cover.r0; r <= cover.r1; r++) {
    const from = cover.rowEdgeStart[r - cover.r0];
    const to = cover.rowEdgeStart[r - cover.r0 + 1];
    for (let c = cover.c0; c <= cover.c1; c++) {
      const state = cover.state[(r - cover.r0) * cover.width + c - cover.c0];
      const cell = r * grid.nx + c;
      if (state === INSIDE) inside(cell);
      else if (state === BOUNDARY) {
        for (let g = cellGroupStart[cell]; g < cellGroupStart[cell + 1]; g++) {
          for (let i = groupRowStart[g]; i < groupRowStart[g + 1]; i++) {
            const row = rows[i];
            const k = rayCrossings(shape.edges, cover.rowEdges, from, to, cols.lng[row], cols.lat[row]);
            if (k === ON_EDGE || (k & 1) === 1) boundaryRow(row, g);
          }
        }
      }
    }
  }
}

/** Index of the last event of group g on or before `day`, or -1 when none is. */
function eventAt(index: AreaIndex, g: number, day: number): number {
  let lo = index.groupEventStart[g];
  let hi = index.groupEventStart[g + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.eventDay[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1 >= index.groupEventStart[g] ? lo - 1 : -1;
}

/**
 * Counts the premises inside the shape on `day`, by status and licence state, overall and per
 * category and village: exactly what tally() gives for the rows a point-in-polygon test keeps
 * (boundary included), without visiting the premises of cells wholly inside.
 */
export function countInside(index: AreaIndex, shape: ShapeEdges, day: number): Tally {
  const t = tallyTable(1, { villageIds: index.villageIds });
  const { cols, eventCounts, groupCategory, groupVillage } = index;
  const cover = coverCells(index, shape);
  if (cover) {
    forEachCell(
      index,
      shape,
      cover,
      (cell) => {
        for (let g = index.cellGroupStart[cell]; g < index.cellGroupStart[cell + 1]; g++) {
          const e = eventAt(index, g, day);
          if (e >= 0) addCounts(t, 0, groupCategory[g], groupVillage[g], eventCounts, e * EVENT_WIDTH);
        }
      },
      (row, g) => {
        const end = cols.intervalStart[row + 1];
        for (let k = cols.intervalStart[row]; k < end; k++) {
          if (cols.fromDay[k] > day || day >= cols.toDay[k]) continue;
          addInterval(t, 0, groupCategory[g], groupVillage[g], cols.status[k], cols.unlicensed[k]);
          break;
        }
      },
    );
  }
  return tallyOn(t, 0);
}

/** The rows of the premises inside the shape (boundary included), ascending. */
export function rowsInside(index: AreaIndex, shape: ShapeEdges): Uint32Array {
  const cover = coverCells(index, shape);
  if (!cover) return new Uint32Array(0);
  const out: number[] = [];
  forEachCell(
    index,
    shape,
    cover,
    (cell) => {
      for (let i = index.cellStart[cell]; i < index.cellStart[cell + 1]; i++) out.push(index.rows[i]);
    },
    (row) => out.push(row),
  );
  return Uint32Array.from(out).sort();
}
