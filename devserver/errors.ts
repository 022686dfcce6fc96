/** Errors the service answers with: a gRPC status code, a message, and Temporal's typed details. */
import { status } from '@grpc/grpc-js';
import { packAny, temporal } from './proto';

export class ServiceError extends Error {
  constructor(
    readonly code: status,
    message: string,
    /** A `google.protobuf.Any` for the `google.rpc.Status` details, as the real server sends. */
    readonly detail?: { type_url: string; value: Uint8Array },
  ) {
    super(message);
  }
}

export const notFound = (message: string) =>
  new ServiceError(
    status.NOT_FOUND,
    message,
    packAny(
      'temporal.api.errordetails.v1.NotFoundFailure',
      temporal.api.errordetails.v1.NotFoundFailure.encode({}).finish(),
    ),
  );

export const invalidArgument = (message: string) => new ServiceError(status.INVALID_ARGUMENT, message);
export const failedPrecondition = (message: string) => new ServiceError(status.FAILED_PRECONDITION, message);

export const alreadyStarted = (message: string, startRequestId: string, runId: string) =>
  new ServiceError(
    status.ALREADY_EXISTS,
    message,
    packAny(
      'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure',
      temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure.encode({ startRequestId, runId }).finish(),
    ),
  );
