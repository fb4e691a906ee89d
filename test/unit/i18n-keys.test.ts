import { describe, expect, it } from 'vitest';
import vi from '../../web/src/i18n/vi.json';
import en from '../../web/src/i18n/en.json';

/** "lineage.formedFrom_one" and "lineage.formedFrom_other" are the plural forms of one text. */
const texts = (resources: Record<string, string>) =>
  [...new Set(Object.keys(resources).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

describe('the two languages of the interface', () => {
  it('have the same texts: a key written in one language only would show that language on the other map', () => {
    expect(texts(en)).toEqual(texts(vi));
  });

  it('name every unit type in English, not as the Vietnamese code list writes it', () => {
    const kinds = Object.entries(en).filter(([key]) => key.startsWith('unitKind.'));
    expect(kinds.length).toBeGreaterThan(8);
    for (const [key, text] of kinds) expect(text, key).toMatch(/^[A-Za-z -]+$/);
  });
});
