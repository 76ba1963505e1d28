// Structured logs (pino). Personal fields must never reach a log line: the
// redaction list below censors them wherever they appear; modules that handle
// personal data add their field names with addRedactedFields().
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../../config.ts';

const redacted = new Set<string>([
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.secret',
]);

/** Field names (e.g. 'nik', 'fullName') redacted at any depth-1 path. */
export function addRedactedFields(...names: string[]): void {
  for (const n of names) {
    redacted.add(`*.${n}`);
    redacted.add(`*.*.${n}`);
    redacted.add(n);
  }
}

export function redactPaths(): string[] {
  return [...redacted];
}

export function loggerOptions(config: Pick<Config, 'logLevel' | 'env'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: redactPaths(), censor: '[redacted]' },
  };
}
