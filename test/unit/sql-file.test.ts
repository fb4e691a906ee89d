import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sqlFile } from '../../api/src/db/sql-file.ts';

describe('a .sql file read beside its caller', () => {
  it('takes in the files it includes, where the include line stands, and leaves other comments alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sql-file-'));
    fs.writeFileSync(path.join(dir, 'rules.sql'), 'shared as (select ?::int)\n');
    fs.writeFileSync(path.join(dir, 'query.sql'), 'with first as (select ?::text),\n-- include: rules.sql\nselect 1 -- include: not.sql\n');
    const caller = pathToFileURL(path.join(dir, 'caller.ts')).href;
    expect(sqlFile(caller, 'query.sql')).toBe('with first as (select ?::text),\nshared as (select ?::int)\nselect 1 -- include: not.sql\n');
  });

  it('gives the status and the map colours one copy of the recognition and plan rules', () => {
    const caller = new URL('../../api/src/modules/status/status.repository.ts', import.meta.url).href;
    const rules = sqlFile(caller, 'recognitions-and-plans.sql');
    for (const query of ['unit-statuses.sql', 'unit-colours.sql']) {
      const text = sqlFile(caller, query);
      expect(text).toContain(rules);
      expect(text).not.toMatch(/^-- include:/m);
    }
  });
});
