/**
 * Input we refuse, with a message a person can act on. The HTTP layer answers it with `status`
 * (400 for malformed input, 413 for too large, 422 for well-formed input that fails the rules);
 * the CLI prints the message and exits non-zero.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 413 | 422 = 400,
    readonly code = 'bad_input',
    readonly details?: unknown,
  ) {
    super(message);
  }
}
