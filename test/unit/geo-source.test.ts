import { describe, expect, it } from 'vitest';
import { checkFeature } from '../../geo/geo-source.ts';

const square = [
  [
    [106, 21],
    [107, 21],
    [107, 22],
    [106, 22],
    [106, 21],
  ],
];
const feature = (properties: object, geometry: object | null) => ({ type: 'Feature', properties, geometry });

describe('checkFeature', () => {
  it('accepts a Polygon or MultiPolygon with a code of the level', () => {
    expect(checkFeature(feature({ code: '20', match: 'exact' }, { type: 'Polygon', coordinates: square }), 'province')).toEqual({
      code: '20',
      geometry: { type: 'Polygon', coordinates: square },
      match: 'exact',
    });
    expect(checkFeature(feature({ code: '06130' }, { type: 'MultiPolygon', coordinates: [square] }), 'commune')).toMatchObject({ code: '06130', match: null });
  });

  it.each([
    ['not a feature', { type: 'Polygon', coordinates: square }, 'not a GeoJSON Feature'],
    ['a code of another level', feature({ code: '020' }, { type: 'Polygon', coordinates: square }), 'properties.code must be a 2-digit GSO code'],
    ['a numeric code', feature({ code: 20 }, { type: 'Polygon', coordinates: square }), 'properties.code must be a 2-digit GSO code'],
    ['no geometry', feature({ code: '20' }, null), 'geometry is missing'],
    ['a point', feature({ code: '20' }, { type: 'Point', coordinates: [106, 21] }), 'geometry type Point is not Polygon or MultiPolygon'],
    ['an empty multipolygon', feature({ code: '20' }, { type: 'MultiPolygon', coordinates: [] }), 'geometry has no coordinates'],
    [
      'an open ring',
      feature(
        { code: '20' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [106, 21],
              [107, 21],
              [107, 22],
              [106, 22],
            ],
          ],
        },
      ),
      'a ring is not closed',
    ],
    [
      'a short ring',
      feature(
        { code: '20' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [106, 21],
              [107, 21],
              [106, 21],
            ],
          ],
        },
      ),
      'a ring has fewer than 4 positions',
    ],
    [
      'text coordinates',
      feature(
        { code: '20' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [106, '21'],
              [107, 21],
              [107, 22],
              [106, 21],
            ],
          ],
        },
      ),
      'position [106,21] is not numeric',
    ],
    [
      'swapped latitude',
      feature(
        { code: '20' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [21, 106],
              [21, 107],
              [22, 107],
              [21, 106],
            ],
          ],
        },
      ),
      'position [21,106] is outside EPSG:4326 bounds',
    ],
  ])('rejects %s', (_label, input, reason) => {
    expect(checkFeature(input, 'province')).toEqual({ reason });
  });
});
