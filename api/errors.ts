import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { HttpError } from './auth';
import { IncidentNotFound, UpdateRejected } from './gateway';

export interface FieldIssue {
  path: string;
  message: string;
}

const dotted = (p: string) => p.replace(/^\//, '').replace(/\//g, '.');

/** One error handler: zod failures become a 400 listing each bad field; domain errors get their 4xx. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues: FieldIssue[] = err.validation.map((v) => ({
        path: [where, dotted(v.instancePath)].filter(Boolean).join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.code(400).send({ error: 'Bad Request', message: `invalid ${where}`, issues });
    }
    if (err instanceof ZodError) {
      return reply.code(400).send({
        error: 'Bad Request',
        message: 'invalid input',
        issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    if (err instanceof HttpError)
      return reply.code(err.statusCode).send({ error: httpName(err.statusCode), message: err.message });
    if (err instanceof IncidentNotFound) return reply.code(404).send({ error: 'Not Found', message: err.message });
    if (err instanceof UpdateRejected) return reply.code(409).send({ error: 'Conflict', message: err.message });
    if (err.statusCode && err.statusCode < 500)
      return reply.code(err.statusCode).send({ error: httpName(err.statusCode), message: err.message });
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'Internal Server Error', message: 'internal error; see the server log' });
  });
}

function httpName(code: number): string {
  return (
    (
      {
        400: 'Bad Request',
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'Not Found',
        409: 'Conflict',
        413: 'Payload Too Large',
        415: 'Unsupported Media Type',
        503: 'Service Unavailable',
      } as Record<number, string>
    )[code] ?? 'Error'
  );
}
