import { describe, expect, it } from 'vitest';
import { fractionLine, stackedAreas } from './stacked-areas';

describe('stackedAreas', () => {
  it('stacks layers on each other and scales to the largest total', () => {
    const { paths, max } = stackedAreas(
      [0, 10],
      [
        [1, 2],
        [1, 2],
      ],
      10,
      100,
      40,
    );
    expect(max).toBe(4);
    expect(paths[0]).toBe('M0,30L100,20L100,40L0,40Z');
    expect(paths[1]).toBe('M0,20L100,0L100,20L0,30Z');
  });

  it('handles empty series', () => {
    expect(stackedAreas([], [[]], 10, 100, 40).paths).toEqual(['']);
  });

  it('draws a fraction as a line from bottom (0) to top (1)', () => {
    expect(fractionLine([0, 5], [0, 1], 10, 100, 40)).toBe('M0,40L50,0');
  });
});
