import type { PictureLayout, Rect, ScaleBar } from './png-export-layout';

export interface PictureContent {
  /** The map as rendered (basemap and overlay already composed), and the part of it to show. */
  map: CanvasImageSource;
  crop: Rect;
  title: string;
  subtitle: string;
  legendTitle: string;
  scale: ScaleBar;
  fontFamily: string;
}

const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** Draws the map picture: title band, map, legend, north arrow and scale bar, with canvas 2D. */
export function drawMapPicture(ctx: CanvasRenderingContext2D, l: PictureLayout, c: PictureContent): void {
  const u = l.unit;
  const font = (px: number, bold = false) => `${bold ? '700' : '400'} ${px}px ${c.fontFamily}`;
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, l.titleBand.width, l.titleBand.height + l.map.height);
  ctx.drawImage(
    c.map,
    c.crop.x,
    c.crop.y,
    c.crop.width,
    c.crop.height,
    l.map.x,
    l.map.y,
    l.map.width,
    l.map.height,
  );

  // Title band.
  ctx.fillStyle = '#1b3a5c';
  ctx.fillRect(l.titleBand.x, l.titleBand.y, l.titleBand.width, l.titleBand.height);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.font = font(l.title.fontPx, true);
  ctx.fillText(c.title, l.title.x, l.title.y);
  ctx.font = font(l.subtitle.fontPx);
  ctx.fillStyle = '#d5e2ef';
  ctx.fillText(c.subtitle, l.subtitle.x, l.subtitle.y);

  // Legend.
  const g = l.legend;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.strokeStyle = '#9aa7b4';
  ctx.lineWidth = Math.max(1, u);
  ctx.fillRect(g.x, g.y, g.width, g.height);
  ctx.strokeRect(g.x, g.y, g.width, g.height);
  ctx.fillStyle = '#1f2a37';
  ctx.font = font(g.headingPx, true);
  ctx.textBaseline = 'top';
  ctx.fillText(c.legendTitle, g.x + g.padding, g.y + g.padding);
  ctx.font = font(g.fontPx);
  ctx.textBaseline = 'middle';
  for (const row of g.rows) {
    ctx.fillStyle = rgb(row.color);
    ctx.beginPath();
    ctx.arc(row.x + g.swatchPx / 2, row.y, g.swatchPx / 2, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#1f2a37';
    ctx.fillText(row.label, row.x + g.swatchPx + 10 * u, row.y);
  }

  // North arrow: a split arrowhead over an N.
  const n = l.northArrow;
  const half = n.size * 0.28;
  const top = n.y + n.size * 0.34;
  const bottom = n.y + n.size;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.beginPath();
  ctx.arc(n.x, n.y + n.size * 0.62, n.size * 0.5, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#1f2a37';
  ctx.beginPath();
  ctx.moveTo(n.x, top);
  ctx.lineTo(n.x - half, bottom - n.size * 0.1);
  ctx.lineTo(n.x, bottom - n.size * 0.26);
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = '#1f2a37';
  ctx.lineWidth = 1.5 * u;
  ctx.beginPath();
  ctx.moveTo(n.x, top);
  ctx.lineTo(n.x + half, bottom - n.size * 0.1);
  ctx.lineTo(n.x, bottom - n.size * 0.26);
  ctx.closePath();
  ctx.stroke();
  ctx.font = font(n.size * 0.3, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText('N', n.x, top - 2 * u);

  // Scale bar: alternating halves, the length above.
  const s = l.scaleBar;
  const barHeight = 8 * u;
  const left = s.x - c.scale.pixels;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(
    left - 10 * u,
    s.y - barHeight - s.fontPx * 1.6,
    c.scale.pixels + 20 * u,
    barHeight + s.fontPx * 1.6 + 6 * u,
  );
  ctx.fillStyle = '#1f2a37';
  ctx.fillRect(left, s.y - barHeight, c.scale.pixels / 2, barHeight);
  ctx.strokeStyle = '#1f2a37';
  ctx.lineWidth = Math.max(1, u);
  ctx.strokeRect(left, s.y - barHeight, c.scale.pixels, barHeight);
  ctx.font = font(s.fontPx);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(c.scale.label, left + c.scale.pixels / 2, s.y - barHeight - 3 * u);
  ctx.restore();
}
