// POST /api/nik/validate: the NIK rules of common/nik.ts for the web app (forms
// validate as the user types). Validation only: nothing is stored, audited or
// logged — a NIK is identity data, so it travels in the body (never the URL) and
// its field names are on the log redaction list.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../common/errors.ts';
import { localizeNikResult, NikCheckSchema, NikValidateBodySchema, validateNik } from '../../../common/nik.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { requestLang } from '../../platform/http/lang.ts';
import { addRedactedFields } from '../../platform/logging/logger.ts';
import { nikRegions } from './nik-regions.ts';

addRedactedFields('nik', 'birthDate');

export const nikRoutes =
  (clock: Clock): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/nik/validate',
      {
        config: { access: { permission: 'person.read' } },
        schema: {
          tags: ['registry'],
          summary: 'Check a NIK: structure, region (current or former), birth date and sex, serial; compare with stated values',
          description:
            'Always 200 for a well-formed request, valid or not; the answer lists error and warning codes with messages in the ' +
            'caller’s language. Nothing is stored or logged.',
          body: NikValidateBodySchema,
          response: { 200: NikCheckSchema, 400: ErrorResponseSchema },
        },
      },
      async (req) => {
        const { nik, sex, birthDate, domicileRegionCode } = req.body;
        const result = validateNik(nik, { regions: nikRegions(), today: clock(), declared: { sex, birthDate, domicileRegionCode } });
        return localizeNikResult(result, requestLang(req));
      },
    );
  };
