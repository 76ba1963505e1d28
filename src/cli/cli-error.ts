// The one error type commands throw for the operator (kept apart so light commands load nothing else).
/** An error whose message is for the operator as it stands (no stack trace). */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
