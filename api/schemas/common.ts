/** Response schemas shared by every route: the error body, the update acknowledgement, the exactness check. */
import { z } from 'zod';
import type { Ack as AckType } from '../../workflows/incident/messages';
import type { FieldIssue as FieldIssueType } from '../errors';

export const FieldIssue = z.object({ path: z.string(), message: z.string() });

/** Every error the API answers with (`api/errors.ts`): the HTTP status name, a message, and for a 400 each bad field. */
export const ErrorBody = z.object({
  error: z.string().describe('the HTTP status name, e.g. "Conflict"'),
  message: z.string().describe('why, in words'),
  issues: z
    .array(FieldIssue)
    .optional()
    .describe('on a 400: each bad field with its path (body.facts.risk) and message'),
});

/** The error responses a secured route may give, all with one body. */
export const errorResponses = {
  400: ErrorBody.describe('a bad body, query or path: `issues` lists each bad field'),
  401: ErrorBody.describe('no or an unknown bearer token'),
  403: ErrorBody.describe('your role may not do this'),
  404: ErrorBody.describe('no such incident, notice or campaign'),
  409: ErrorBody.describe('the workflow refused the update, or the resource is not in a state for this'),
} as const;

/** What an update of an incident answers when it has nothing else to say. */
export const Ack = z.object({ ok: z.literal(true), at: z.string() });

/**
 * Compile-time proof that a response schema describes a TypeScript type exactly: each is
 * assignable to the other and they have the same keys, so a field added to the type and not to
 * the schema (which would be dropped from responses without a word) fails the type check.
 * Nested object types get their own proof where they are schemas of their own.
 */
export type Exact<S, T> = [S] extends [T]
  ? [T] extends [S]
    ? [keyof S] extends [keyof T]
      ? [keyof T] extends [keyof S]
        ? true
        : false
      : false
    : false
  : false;
export type Proof<T extends true> = T;

export type CommonProofs = [
  Proof<Exact<z.output<typeof FieldIssue>, FieldIssueType>>,
  Proof<Exact<z.output<typeof Ack>, AckType>>,
];
