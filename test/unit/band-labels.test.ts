import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import vi from '../../web/src/i18n/vi.json';
import en from '../../web/src/i18n/en.json';
import { bandColours } from '../../web/src/map/map-style.ts';

const criteriaDir = path.resolve(import.meta.dirname, '../../seeds/criteria');
const setBands = fs
  .readdirSync(criteriaDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    codes: (JSON.parse(fs.readFileSync(path.join(criteriaDir, f), 'utf8')).bands ?? []).map((b: { code: string }) => b.code) as string[],
  }));

describe('every band of every seeded criteria set can be drawn and named', () => {
  it.each(setBands)('$file', ({ codes }) => {
    expect(codes.length).toBeGreaterThan(0);
    // The tooltip, status panel and history chart colour and name a unit by its band code alone.
    for (const code of codes) {
      expect(bandColours[code], code).toMatch(/^#[0-9a-f]{6}$/);
      expect((vi as Record<string, string>)[`band.${code}`], code).toBeTruthy();
      expect((en as Record<string, string>)[`band.${code}`], code).toBeTruthy();
    }
  });
});
