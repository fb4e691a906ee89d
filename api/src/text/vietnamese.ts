/** Vietnamese text is stored in Unicode NFC; input from Excel or old fonts often arrives decomposed. */
export function toNfc(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The key used for diacritic-insensitive search: lower case, tone and vowel marks removed, đ → d,
 * punctuation collapsed to single spaces. "Đình Lập", "dinh lap" and "ĐÌNH  LẬP" share one key.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const unitTypePrefixes = ['Thành phố Trung ương', 'Thành phố', 'Thị xã', 'Thị trấn', 'Tỉnh', 'Huyện', 'Quận', 'Phường', 'Xã', 'Đặc khu'];

/** "Tỉnh Lạng Sơn" → "Lạng Sơn", given the unit's type as the code list states it. */
export function shortName(name: string, kind: string): string {
  const candidates = [kind, ...unitTypePrefixes];
  for (const prefix of candidates) {
    if (name.startsWith(`${prefix} `)) return name.slice(prefix.length + 1);
  }
  return name;
}
