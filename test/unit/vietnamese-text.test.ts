import { describe, expect, it } from 'vitest';
import { searchKey, shortName, toNfc } from '../../api/src/text/vietnamese.ts';

describe('searchKey', () => {
  it.each([
    ['Đình Lập', 'dinh lap'],
    ['ĐÌNH  LẬP', 'dinh lap'],
    ['Đình Lập'.normalize('NFD'), 'dinh lap'],
    ['Tỉnh Lạng Sơn', 'tinh lang son'],
    ['Bà Rịa - Vũng Tàu', 'ba ria vung tau'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Hoà Bình', 'hoa binh'],
    ['Xã Nghĩa Đạo', 'xa nghia dao'],
  ])('%j → %j', (input, key) => {
    expect(searchKey(input)).toBe(key);
  });

  it('folds old- and new-style tone placement (Hoà / Hòa) to one key', () => {
    expect(searchKey('Hoà')).toBe(searchKey('Hòa'));
  });
});

describe('toNfc', () => {
  it('composes decomposed input and collapses white space', () => {
    const decomposed = '  Lạng   Sơn '.normalize('NFD');
    expect(toNfc(decomposed)).toBe('Lạng Sơn');
    expect(toNfc(decomposed).length).toBe('Lạng Sơn'.normalize('NFC').length);
  });
});

describe('shortName', () => {
  it.each([
    ['Tỉnh Lạng Sơn', 'Tỉnh', 'Lạng Sơn'],
    ['Thành phố Hà Nội', 'Thành phố Trung ương', 'Hà Nội'],
    ['Huyện Đình Lập', 'Huyện', 'Đình Lập'],
    ['Thị trấn Đình Lập', 'Thị trấn', 'Đình Lập'],
    ['Xã Bằng Mạc', 'Xã', 'Bằng Mạc'],
    ['Phường 1', 'Phường', '1'],
  ])('%j (%s) → %j', (name, kind, short) => {
    expect(shortName(name, kind)).toBe(short);
  });
});
