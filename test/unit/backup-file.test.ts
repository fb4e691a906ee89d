import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  backupFileName,
  checkSchemaCompatible,
  rotateBackups,
  verifyBackupFile,
  writeBackupFile,
  type BackupManifest,
} from '../../api/src/modules/backups/backup-file.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-backup-unit-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const manifest = (migrations: string[]): BackupManifest => ({ format: 1, engine: 'embedded', createdAt: '2026-11-29T00:00:00.000Z', migrations });

describe('backup files', () => {
  it('name backups by engine and UTC time, to the second', () => {
    expect(backupFileName('embedded', new Date('2026-11-29T07:05:09.123Z'))).toBe('ntm-atlas-embedded-20261129T070509Z.sql.gz');
  });

  it('write the manifest and the dump, readable back, and leave no partial file', async () => {
    const file = path.join(work, 'written.sql.gz');
    await writeBackupFile(file, manifest(['M1']), Readable.from(['SET x = 1;\n', '--\n-- PostgreSQL database dump complete\n--\n\n']));
    expect(await verifyBackupFile(file)).toEqual(manifest(['M1']));
    expect(fs.readdirSync(work).filter((name) => name.includes('written'))).toEqual(['written.sql.gz']);
  });

  it('accept a backup whose migrations are the first of ours, and refuse newer or other ones', () => {
    expect(() => checkSchemaCompatible(manifest(['M1', 'M2']), ['M1', 'M2', 'M3'])).not.toThrow();
    expect(() => checkSchemaCompatible(manifest(['M1', 'M4']), ['M1', 'M2', 'M3'])).toThrow(/schema this version does not know \(migration M4\)/);
    expect(() => checkSchemaCompatible(manifest(['M2']), ['M1', 'M2'])).toThrow(/does not match this version's order of migrations/);
  });

  it('rotate: keep the newest, touch nothing else in the folder', () => {
    const dir = path.join(work, 'rotation');
    fs.mkdirSync(dir);
    const names = ['20261101T000000Z', '20261102T000000Z', '20261103T000000Z'].map((at, i) => `ntm-atlas-${i === 1 ? 'external' : 'embedded'}-${at}.sql.gz`);
    for (const name of [...names, 'notes.txt', 'ntm-atlas-embedded-20261104T000000Z.sql.gz.partial']) fs.writeFileSync(path.join(dir, name), '');
    expect(rotateBackups(dir, 2)).toEqual([names[0]]);
    expect(fs.readdirSync(dir).sort()).toEqual([names[1], names[2], 'notes.txt', 'ntm-atlas-embedded-20261104T000000Z.sql.gz.partial'].sort());
  });
});
