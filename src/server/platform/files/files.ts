// The file store: evidence attachments, meeting attachments, letterhead logos and case-note
// attachments (which may be ID scans or photos of the people in the registry). The bytes
// live in the `stored_file` table, so they are backed up with the data, work on PGlite and
// PostgreSQL alike, are shared by every app server, and never sit under the web root —
// sealed (file-sealing.ts): bytes, name and digest encrypted under the file's own data
// key. Only PDF, PNG, JPEG and WebP are accepted: the type is sniffed from the first
// bytes, and the file name's extension and the declared type must agree. A file about a
// person is shredded with her identity (shredFiles; reading it then answers file.erased).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { EnvelopeError, type RecordSealer } from '../crypto/envelope.ts';
import type { Executor } from '../db/database.ts';
import { openFile, openFileMeta, sealFile, type FileMeta } from './file-sealing.ts';
import { fileError } from './files.errors.ts';
import type { StoredContentType } from './files.tables.ts';

const EXTENSIONS: Record<string, StoredContentType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** Declared types browsers send for the same formats. */
const DECLARED_ALIASES: Record<string, StoredContentType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/** The type the bytes really are (magic numbers), or null for anything else. */
export function sniffContentType(bytes: Uint8Array): StoredContentType | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

export function formatBytes(n: number): string {
  if (n >= 1_048_576 && n % 1_048_576 === 0) return `${n / 1_048_576} MB`;
  if (n >= 1_048_576) return `${(n / 1_048_576).toFixed(1)} MB`;
  return `${Math.round(n / 1024)} KB`;
}

export interface Upload {
  filename: string;
  declaredType: string;
  bytes: Buffer;
}

export interface StoredFileInfo {
  id: number;
  sha256: string;
  sizeBytes: number;
  contentType: StoredContentType;
  originalName: string;
}

/** Checks an upload's type: the sniffed type must be allowed and agree with extension and declared type. */
export function checkUpload(upload: Upload): StoredContentType {
  const actual = sniffContentType(upload.bytes);
  const ext = upload.filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const byExtension = EXTENSIONS[ext];
  const declared = DECLARED_ALIASES[upload.declaredType.toLowerCase()] ?? upload.declaredType.toLowerCase();
  if (!actual) throw fileError('file.type_not_allowed');
  if (byExtension !== actual || declared !== actual)
    throw fileError('file.type_mismatch', { actual, declared: `${ext ? `.${ext}` : '?'}, ${upload.declaredType || '?'}` });
  return actual;
}

/** A safe stored name: no path, no control characters, at most 200 characters. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(-200) || 'file';
}

/** Opening failed (a master key not configured here, or altered data): a clear error, details to the log only. */
function unreadable<T>(fileId: number, open: () => T): T {
  try {
    return open();
  } catch (err) {
    if (!(err instanceof EnvelopeError)) throw err;
    const e = fileError('file.unreadable');
    (e as Error).cause = new EnvelopeError(`stored_file ${fileId}: ${err.message}`);
    throw e;
  }
}

/** Stores an upload sealed; the id is taken first because the ciphertexts bind it. */
export async function storeFile(db: Executor, sealer: RecordSealer, upload: Upload, createdBy: number | null): Promise<StoredFileInfo> {
  const contentType = checkUpload(upload);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const originalName = cleanName(upload.filename);
  const next = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('stored_file', 'id')) as id`.execute(db);
  const id = Number(next.rows[0]!.id);
  const s = sealFile(sealer, id, { name: originalName, sha256 }, upload.bytes);
  // `overriding system value`: the id stays "generated always" for every other writer.
  await sql`insert into stored_file (id, size_bytes, content_type, content_ct, meta_ct, dek_wrapped, key_id, created_by)
    overriding system value values (${id}, ${upload.bytes.length}, ${contentType}, ${s.content_ct}, ${s.meta_ct}, ${s.dek_wrapped}, ${s.key_id}, ${createdBy})`.execute(db);
  return { id, sha256, sizeBytes: upload.bytes.length, contentType, originalName };
}

const asBuffer = (c: Uint8Array) => (Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength));

/** A file with its bytes; a legacy plaintext row (not yet through `tuntas files seal`) is served as it is. */
export async function readFile(db: Executor, sealer: RecordSealer, id: number): Promise<(StoredFileInfo & { content: Buffer }) | undefined> {
  const row = await db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (row.erased_at) throw fileError('file.erased');
  const info = { id: row.id, sizeBytes: row.size_bytes, contentType: row.content_type };
  if (row.content_ct && row.meta_ct && row.dek_wrapped) {
    const sealed = { content_ct: row.content_ct, meta_ct: row.meta_ct, dek_wrapped: row.dek_wrapped };
    const { name, sha256, content } = unreadable(row.id, () => openFile(sealer, row.id, sealed));
    return { ...info, originalName: name, sha256, content };
  }
  return { ...info, originalName: row.original_name!, sha256: row.sha256!, content: asBuffer(row.content!) };
}

/** What a listing selects from `stored_file` to show a file's name and digest. */
export interface FileMetaRow {
  original_name: string | null;
  sha256: string | null;
  meta_ct: Uint8Array | null;
  dek_wrapped: Uint8Array | null;
}

/** A listed file's name and digest: opened from meta_ct (never the bytes), or a legacy row's clear columns; an erased file has neither (file.erased). */
export function fileMetaOf(sealer: RecordSealer, id: number, row: FileMetaRow): { originalName: string; sha256: string } {
  if (row.meta_ct && row.dek_wrapped) {
    const sealed = { meta_ct: row.meta_ct, dek_wrapped: row.dek_wrapped };
    const meta: FileMeta = unreadable(id, () => openFileMeta(sealer, id, sealed));
    return { originalName: meta.name, sha256: meta.sha256 };
  }
  if (row.original_name === null || row.sha256 === null) throw fileError('file.erased');
  return { originalName: row.original_name, sha256: row.sha256 };
}

/**
 * Crypto-shreds files: the data key, both ciphertexts (and a legacy row's clear bytes,
 * name and digest) become null and erased_at is set; size, type and dates stay. Returns
 * how many were shredded (files already erased are not counted again).
 */
export async function shredFiles(db: Executor, ids: readonly number[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .updateTable('stored_file')
    .set({ content: null, original_name: null, sha256: null, content_ct: null, meta_ct: null, dek_wrapped: null, key_id: null, erased_at: now })
    .where('id', 'in', ids)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Registers multipart parsing once for the whole app, with the configured size limit. */
export async function registerFiles(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(multipart, { limits: { fileSize: config.fileMaxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });
  app.decorate('fileMaxBytes', config.fileMaxBytes);
}

declare module 'fastify' {
  interface FastifyInstance {
    fileMaxBytes: number;
  }
}

/** Reads the one file of a multipart request (over the limit: a clear 413 naming it). */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw fileError('file.missing');
  const limit = req.server.fileMaxBytes;
  const part = await req.file();
  if (!part) throw fileError('file.missing');
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileError('file.too_large', { limit: formatBytes(limit) });
    throw err;
  }
  if (bytes.length === 0) throw fileError('file.missing');
  return { filename: part.filename, declaredType: part.mimetype, bytes };
}

/** content-disposition for a download: always an attachment, with an ASCII fallback name. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
