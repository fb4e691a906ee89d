/** The levels served as vector tiles (`/tiles/{level}/…`): those with boundaries, parents first. */
export const tileLevels = ['province', 'district', 'commune'] as const;
export type TileLevel = (typeof tileLevels)[number];

/** The code lists served as tiles, each with the levels it has (the two-level list has no districts). */
export const tileCodeLists = [
  { codeList: 'gso-2025-03', levels: ['province', 'district', 'commune'] },
  { codeList: 'gso-2025-07', levels: ['province', 'commune'] },
] as const satisfies readonly { codeList: string; levels: readonly TileLevel[] }[];
