import { describe, expect, it } from 'vitest';
import { measured, shareClasses, shareOf } from '../../web/src/layers/area-measure.ts';
import type { ChoroplethEntry } from '../../web/src/layers/choropleth.loader.ts';

const district = (code: string, assessed: number | null, lagging: number, complete: number): ChoroplethEntry => ({
  code,
  criteriaMet: null,
  criteriaTotal: null,
  band: assessed ? '15-18' : 'no-data',
  displayBand: assessed ? '15-18' : 'no-data',
  colour: '#d8daeb',
  tier: null,
  synthetic: false,
  averageCriteria: assessed ? 15.2 : null,
  communesAssessed: assessed,
  communesDemo: 0,
  communesLagging: lagging,
  communesMeetingAll: complete,
});

describe('colouring districts by a share of their communes', () => {
  // Both districts average 15–18 criteria; one hides four lagging communes of twenty.
  const even = district('184', 20, 0, 2);
  const hiding = district('187', 20, 4, 9);
  const empty = district('190', null, 0, 0);

  it('tells apart districts the average paints the same', () => {
    expect(shareOf(hiding, 'lagging')).toBe(0.2);
    const [a, b, c] = measured([even, hiding, empty], 'lagging');
    expect([a.displayBand, b.displayBand, c.displayBand]).toEqual(['share-0', 'share-1', 'no-data']);
    expect(a.colour).not.toBe(b.colour);
    expect(measured([even, hiding], 'average')).toEqual([even, hiding]);
  });

  it('puts every communes-met share in one of five classes of 20 %, 100 % included', () => {
    const all = district('200', 10, 0, 10);
    expect(measured([all], 'complete')[0].displayBand).toBe('share-4');
    const legend = shareClasses(measured([even, hiding, all, empty], 'complete'), 'complete', { band: 'no-data', count: 0, colour: '#ccc' });
    expect(legend.map((c) => [c.band, c.count])).toEqual([
      ['share-0', 1],
      ['share-1', 0],
      ['share-2', 1],
      ['share-3', 0],
      ['share-4', 1],
      ['no-data', 1],
    ]);
    expect(legend[2].label).toEqual({ vi: '40–60 %', en: '40–60 %' });
  });
});
