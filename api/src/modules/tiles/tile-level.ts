/** The levels served as vector tiles (`/tiles/{level}/…`): those with boundaries, parents first. */
export const tileLevels = ['province', 'district', 'commune'] as const;
export type TileLevel = (typeof tileLevels)[number];

/** The code lists served as tiles, each with the levels it has (the two-level list has no districts). */
export const tileCodeLists = [
  {
    codeList: 'gso-2025-03',
    levels: ['province', 'district', 'commune'],
    attribution: 'Boundaries: GADM 4.1 (non-commercial use only); unit codes: General Statistics Office, 01/03/2025',
  },
  {
    codeList: 'gso-2025-07',
    levels: ['province', 'commune'],
    attribution: 'Boundaries: lamngockhuong/vietnam-3d-map (MIT; from gis.vn, licence not stated); unit codes: General Statistics Office, 01/07/2025',
  },
] as const satisfies readonly { codeList: string; levels: readonly TileLevel[]; attribution: string }[];
