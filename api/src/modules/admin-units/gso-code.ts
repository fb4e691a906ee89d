import { Matches } from 'class-validator';

/** Digits of a GSO code at each level, leading zeros kept: province 20, district 178, commune 06280. */
export const gsoCodeDigits = { province: 2, district: 3, commune: 5 } as const;

/** A province's, district's or commune's GSO code, or a village's code (its commune's code and name, "07345-hoang-van"). */
export const gsoCodePattern = /^(\d{2}|\d{3}|\d{5}|\d{5}-[a-z0-9-]{1,60})$/;

/** Validation of an argument or input field holding a GSO code ($property: class-validator names the field). */
export const IsGsoCode = () =>
  Matches(gsoCodePattern, { message: '$property must be a GSO code of 2, 3 or 5 digits, or a village code such as 07345-hoang-van' });
