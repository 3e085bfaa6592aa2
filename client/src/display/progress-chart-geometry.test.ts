import { describe, expect, it } from 'vitest';
import { chartScales, linePath } from './progress-chart-geometry';

const box = { width: 110, height: 60, left: 10, right: 0, top: 10, bottom: 0 };

describe('the progress chart geometry', () => {
  it('maps the campaign onto the inner box', () => {
    const { x, y } = chartScales(box, '2008-01-01', '2008-01-11');
    expect(x('2008-01-01')).toBe(10);
    expect(x('2008-01-06')).toBe(60);
    expect(x('2008-01-11')).toBe(110);
    expect(y(0)).toBe(60);
    expect(y(1)).toBe(10);
    expect(y(2)).toBe(10);
  });

  it('draws only the points up to the frame', () => {
    const { x, y } = chartScales(box, '2008-01-01', '2008-01-11');
    expect(linePath(['2008-01-01', '2008-01-06', '2008-01-11'], [0, 0.5, 1], 2, x, y)).toBe(
      'M10.0,60.0L60.0,35.0',
    );
    expect(linePath([], [], 5, x, y)).toBe('');
  });
});
