/** The one error type of the product: a code for programs and a message a person or model can act on. */
export type ErrorCode = 'bad_input' | 'unknown_id' | 'broken_catalogue' | 'bad_config';

export class BekError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BekError';
  }
}
