/**
 * The one error type of the product: a code for programs and a message a person or model can act on.
 * `refused`: a file the command would change is left as it was (unreadable, or holding a different entry).
 */
export type ErrorCode = 'bad_input' | 'unknown_id' | 'broken_catalogue' | 'bad_config' | 'refused';

export class BekError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BekError';
  }
}
