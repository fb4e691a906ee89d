/** The code list the map and lists use: the GSO list of 01/03/2025, the last before the reform. */
export const currentCodeList = 'gso-2025-03' as const;
/** Communes named by documents but merged away since are kept on the 2019 list. */
export const formerCodeList = 'gso-2019' as const;
