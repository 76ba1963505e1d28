import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '../errors/app-error.ts';
import { attachmentHeader, checkUpload, formatBytes, sniffContentType } from './files.ts';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

test('types are sniffed from the first bytes; anything else is unknown', () => {
  assert.equal(sniffContentType(Buffer.from('%PDF-1.7\n')), 'application/pdf');
  assert.equal(sniffContentType(PNG), 'image/png');
  assert.equal(sniffContentType(JPEG), 'image/jpeg');
  assert.equal(sniffContentType(WEBP), 'image/webp');
  assert.equal(sniffContentType(Buffer.from('MZ\x90\x00')), null);
  assert.equal(sniffContentType(Buffer.from('<html><script>')), null);
  assert.equal(sniffContentType(Buffer.from('RIFF\0\0\0\0WAVE')), null);
});

test('the extension and the declared type must agree with the content', () => {
  assert.equal(checkUpload({ filename: 'Foto.JPG', declaredType: 'image/jpeg', bytes: JPEG }), 'image/jpeg');
  assert.equal(checkUpload({ filename: 'foto.jpeg', declaredType: 'image/jpg', bytes: JPEG }), 'image/jpeg');
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as AppError).code;
    }
    return 'accepted';
  };
  assert.equal(code(() => checkUpload({ filename: 'foto.webp', declaredType: 'image/webp', bytes: PNG })), 'file.type_mismatch');
  assert.equal(code(() => checkUpload({ filename: 'foto', declaredType: 'image/png', bytes: PNG })), 'file.type_mismatch');
  assert.equal(code(() => checkUpload({ filename: 'a.png', declaredType: 'image/png', bytes: Buffer.from('GIF89a') })), 'file.type_not_allowed');
});

test('sizes and download names', () => {
  assert.equal(formatBytes(10_485_760), '10 MB');
  assert.equal(formatBytes(2048), '2 KB');
  assert.equal(attachmentHeader('Berita "acara".pdf'), `attachment; filename="Berita _acara_.pdf"; filename*=UTF-8''Berita%20%22acara%22.pdf`);
  assert.match(attachmentHeader('foto–1.png'), /filename="foto_1.png"/);
});
