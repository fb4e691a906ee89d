import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../api/src/modules/admin-units/admin-unit.connection.ts';
import { AdminLevel } from '../../api/src/modules/admin-units/admin-unit.entity.ts';
import { InvalidInputError } from '../../api/src/errors/domain-errors.ts';
import { toCursor } from '../../api/src/schema/cursor.ts';

describe('unit cursors', () => {
  it('round-trip a position', () => {
    const position = { level: AdminLevel.COMMUNE, code: '06328' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each(['', 'abc', toCursor('audit', '20'), Buffer.from('unit:planet:20').toString('base64url'), Buffer.from('unit:province:2x').toString('base64url')])(
    'reject %j as bad input',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
    },
  );
});
