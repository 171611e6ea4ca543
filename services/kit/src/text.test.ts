import { describe, expect, it } from 'vitest';
import { containsPattern } from './database/sql.js';
import { looksLikeLegacyEncoding, searchKey, searchTerms } from './text.js';

describe('searchKey', () => {
  it('folds case, tone marks, diacritics and đ', () => {
    expect(searchKey('Bắc Kạn')).toBe('bac kan');
    expect(searchKey('BẮC KẠN')).toBe('bac kan');
    expect(searchKey('Bắc Kạn'.normalize('NFD'))).toBe('bac kan');
    expect(searchKey('Đảng ủy xã Đồng Thắng')).toBe('dang uy xa dong thang');
    expect(searchKey('Ưu tiên ơn nghĩa ă â ê ô ơ ư')).toBe('uu tien on nghia a a e o o u');
  });

  it('folds white space', () => {
    expect(searchKey('  Tỉnh   ủy\tBắc Kạn ')).toBe('tinh uy bac kan');
  });

  it('keeps both tone placements (hoà / hòa) searchable as one', () => {
    expect(searchKey('hoà')).toBe(searchKey('hòa'));
    expect(searchKey('thuỷ')).toBe(searchKey('thủy'));
  });
});

describe('searchTerms', () => {
  it('splits into words; containsPattern escapes LIKE wildcards once', () => {
    expect(searchTerms('Bắc  Kạn')).toEqual(['bac', 'kan']);
    expect(searchTerms('100%_x').map(containsPattern)).toEqual(['%100\\%\\_x%']);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('looksLikeLegacyEncoding', () => {
  it.each([
    ['TCVN3', 'Uû ban nh©n d©n tØnh B¾c K¹n'],
    ['TCVN3, one word', 'nh©n'],
    ['VNI', 'UÛy ban nhaân daân tænh Baéc Kaïn'],
    ['VNI, one word', 'nhaân'],
  ])('flags %s: %s', (_kind, text) => {
    expect(looksLikeLegacyEncoding(text)).toBe(true);
  });

  it.each([
    'Ủy ban nhân dân tỉnh Bắc Kạn',
    'Hoàng Thị Thoa',
    'Nhiệt độ 30°C, giá 1.500₫',
    '«Học tập và làm theo Bác»',
    'Plain ASCII text',
    'Tiếng Việt có dấu: à á â ã è é ê ì í ò ó ô õ ù ú ý',
    'Ông François Müller (khách quốc tế)',
    'yêu nước, hoà bình, tuần, quê',
  ])('accepts Unicode text: %s', (text) => {
    expect(looksLikeLegacyEncoding(text)).toBe(false);
  });
});
