import type { graphql } from './graphql.ts';

/**
 * The codes the client shares with the API, defined once: enums come from the schema, the rest
 * (plain strings in the schema) are listed here.
 */
export type Level = ReturnType<typeof graphql.scalar<'AdminLevel'>>;
export type Tier = ReturnType<typeof graphql.scalar<'Tier'>>;

/** Recognition tiers, lowest first. */
export const tiers = ['STANDARD', 'ADVANCED', 'MODEL'] as const satisfies readonly Tier[];

/** Band codes of the national commune sets, lagging first, plus "recognised" and "no-data" (UnitFilter.bandIn). */
export const bandCodes = ['lt5', '5-9', '10-14', '15-18', 'all-met', 'recognised', 'no-data'] as const;

/** A GSO unit code: 2 digits (province), 3 (district) or 5 (commune). */
export const gsoCodePattern = /^(\d{2}|\d{3}|\d{5})$/;
