import type { Bilingual } from './bilingual';

/**
 * Input we refuse, with a message a person can act on. The HTTP layer answers it with `status`
 * (400 for malformed input, 404 / 409 for a job that is missing or in the wrong state, 413 for too
 * large, 422 for well-formed input that fails the rules); the CLI prints the message and exits
 * non-zero. Given a Bilingual message, the page gets its Chinese as `messageZh`.
 */
export class ImportError extends Error {
  /** The message in Chinese, where the refusal was written in both languages. */
  readonly messageZh?: string;

  constructor(
    message: string | Bilingual,
    readonly status: 400 | 404 | 409 | 413 | 422 = 400,
    readonly code = 'bad_input',
    readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : message.en);
    if (typeof message !== 'string') this.messageZh = message.zh;
  }
}
