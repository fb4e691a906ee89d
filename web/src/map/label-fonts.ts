import type { FontFacesSpecification } from 'maplibre-gl';
// Noto Sans (SIL OFL 1.1, @fontsource/noto-sans): the app serves the files itself, so labels need no
// network. The Vietnamese subset carries the tone-marked vowels and đ; Latin and Latin Extended the rest.
import vietnamese from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtended from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';

/** The font every map label is drawn in (a symbol layer's text-font). */
export const labelFont = 'Noto Sans Regular';

/** Each file with the characters it covers, as @fontsource/noto-sans/400.css declares them. */
export const labelFontFaces: FontFacesSpecification = {
  [labelFont]: [
    {
      url: vietnamese,
      'unicode-range': [
        'U+0102-0103',
        'U+0110-0111',
        'U+0128-0129',
        'U+0168-0169',
        'U+01A0-01A1',
        'U+01AF-01B0',
        'U+0300-0301',
        'U+0303-0304',
        'U+0308-0309',
        'U+0323',
        'U+0329',
        'U+1EA0-1EF9',
        'U+20AB',
      ],
    },
    {
      url: latinExtended,
      'unicode-range': [
        'U+0100-02BA',
        'U+02BD-02C5',
        'U+02C7-02CC',
        'U+02CE-02D7',
        'U+02DD-02FF',
        'U+1D00-1DBF',
        'U+1E00-1E9F',
        'U+1EF2-1EFF',
        'U+2020',
        'U+2C60-2C7F',
        'U+A720-A7FF',
      ],
    },
    {
      url: latin,
      'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'],
    },
  ],
};
