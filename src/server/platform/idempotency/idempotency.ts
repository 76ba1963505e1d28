// Idempotency keys for state-changing requests. A route opts in with
// `config: { idempotent: true }` and the `IdempotencyHeaders` schema; then:
// - the first request with a key (per user) claims it and runs;
// - a replay with the same key and the same content gets the first answer (status + body);
// - the same key with different content is refused (422 idempotency.key_reused);
// - a replay while the first still runs is refused (409 idempotency.in_progress): never two runs.
// Services make the answer atomic with their change by calling `claim.settle(tx, result)` in
// their transaction; otherwise the answer is stored when it is sent. A claim whose request died
// (a killed server) stays pending without a committed change, and after LEASE_MS a retry takes it over.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canonicalJson } from '../audit/canonical.ts';
import type { Clock } from '../auth/clock.ts';
import type { Db, Executor } from '../db/database.ts';
import { idempotencyError } from './idempotency.errors.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const LEASE_MS = 120_000;

/** Route header schema (loose: the other headers stay as they are). */
export const IdempotencyHeaders = z.looseObject({
  [IDEMPOTENCY_HEADER]: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/)
    .describe('A key chosen by the client (8–100 of A–Z a–z 0–9 _ . : -), new for each intended change; a retry sends the same key'),
});

export interface IdempotencyClaim {
  readonly userId: number;
  readonly key: string;
  /** Marks the key done with this answer inside the change's transaction (throws if the claim was taken over). */
  settle(tx: Executor, body: unknown, status?: number): Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Needs an Idempotency-Key header; replays get the first answer. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: IdempotencyClaim | null;
  }
}

interface ClaimState {
  token: string;
  settled: boolean;
}
const claims = new WeakMap<FastifyRequest, ClaimState>();

/** Answers that depend on the moment (sign-in, throttling) are not kept: a retry may run again. */
const storable = (status: number) => status < 500 && status !== 401 && status !== 403 && status !== 429;

export function fingerprintOf(req: FastifyRequest): string {
  const material = canonicalJson({ method: req.method, route: req.routeOptions.url ?? req.url, params: req.params ?? {}, query: req.query ?? {}, body: req.body ?? null });
  return createHash('sha256').update(material).digest('hex');
}

export function registerIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req, reply) => {
    if (!req.routeOptions.config.idempotent || !req.actor) return;
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (typeof key !== 'string') return; // the route's header schema has already refused it
    const userId = req.actor.userId;
    const token = randomBytes(16).toString('hex');
    const now = clock();
    const row = { user_id: userId, key, method: req.method, route: req.routeOptions.url ?? req.url, fingerprint: fingerprintOf(req), claim_token: token, claimed_at: now };
    const inserted = await db.insertInto('idempotency_key').values(row).onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()).returning('key').executeTakeFirst();
    if (!inserted) {
      const existing = await db.selectFrom('idempotency_key').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirstOrThrow();
      if (existing.fingerprint !== row.fingerprint || existing.method !== row.method || existing.route !== row.route) throw idempotencyError('idempotency.key_reused');
      if (existing.state === 'done') return replay(reply, existing.status_code!, existing.content_type, existing.response);
      if (now.getTime() - new Date(existing.claimed_at).getTime() < LEASE_MS) throw idempotencyError('idempotency.in_progress');
      // A stale claim: its request died without committing. Take it over (compare-and-set).
      const taken = await db
        .updateTable('idempotency_key')
        .set({ claim_token: token, claimed_at: now })
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .where('state', '=', 'pending')
        .where('claim_token', '=', existing.claim_token)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) throw idempotencyError('idempotency.in_progress');
    }
    const state: ClaimState = { token, settled: false };
    claims.set(req, state);
    req.idempotency = {
      userId,
      key,
      async settle(tx, body, status = 200) {
        const res = await tx
          .updateTable('idempotency_key')
          .set({ state: 'done', status_code: status, content_type: 'application/json; charset=utf-8', response: JSON.stringify(body), completed_at: clock() })
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .where('state', '=', 'pending')
          .where('claim_token', '=', token)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw idempotencyError('idempotency.claim_lost');
        state.settled = true;
      },
    };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const state = claims.get(req);
    const claim = req.idempotency;
    if (!state || !claim) return payload;
    claims.delete(req);
    const status = reply.statusCode;
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    const mine = db.updateTable('idempotency_key').where('user_id', '=', claim.userId).where('key', '=', claim.key).where('claim_token', '=', state.token);
    const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
    if (state.settled && status < 300 && text !== null) {
      // Settled in the change's transaction: keep the answer exactly as it was sent.
      await mine.set({ response: text, content_type: contentType }).where('state', '=', 'done').execute();
    } else if (storable(status) && text !== null) {
      await mine.set({ state: 'done', status_code: status, content_type: contentType, response: text, completed_at: clock() }).where('state', '=', 'pending').execute();
    } else {
      await db.deleteFrom('idempotency_key').where('user_id', '=', claim.userId).where('key', '=', claim.key).where('claim_token', '=', state.token).where('state', '=', 'pending').execute();
    }
    return payload;
  });
}

function replay(reply: FastifyReply, status: number, contentType: string | null, body: string | null): FastifyReply {
  return reply
    .code(status)
    .header('content-type', contentType ?? 'application/json; charset=utf-8')
    .header('idempotent-replayed', 'true')
    .send(body ?? '');
}
