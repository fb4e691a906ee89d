import { ValidateBy, buildMessage } from 'class-validator';
import { isIsoDate } from './code-lists.ts';

/** Validation of an `asOf` argument or input field: a real calendar date written YYYY-MM-DD. */
export const IsIsoDate = () =>
  ValidateBy({
    name: 'isIsoDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
      defaultMessage: buildMessage((prefix) => `${prefix}$property must be a date written YYYY-MM-DD, e.g. 2026-01-01`),
    },
  });

/** The time rule in one sentence, for schema descriptions. */
export const asOfRule =
  'Units in force on this date (YYYY-MM-DD). A `year` means 31 December of that year; no date means today. ' +
  'Until 30/06/2025 the 01/03/2025 list (provinces, districts, communes) answers; from 01/07/2025 the two-level list (provinces, communes).';
