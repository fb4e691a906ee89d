/** The levels served as vector tiles (`/tiles/{level}/…`): those with boundaries, parents first. */
export const tileLevels = ['province', 'district', 'commune'] as const;
export type TileLevel = (typeof tileLevels)[number];
