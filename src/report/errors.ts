/**
 * The one base error of news-archive. Every module wraps what goes wrong in it (or a subclass),
 * with a message that says what to do, and keeps the original error as `cause`.
 */
export class NewsArchiveError extends Error {
  /** Exit status the command line ends with when this error stops a build. */
  readonly exitCode: number;

  constructor(message: string, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** A mistake in how the command was called (unknown option, missing folder, unsafe --out): exit status 2. */
export class UsageError extends NewsArchiveError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, exitCode: 2 });
  }
}

/** The messages of an error and of its causes, outermost first. */
export function errorChain(error: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth += 1) {
    if (current instanceof Error) {
      messages.push(current.message);
      current = current.cause;
    } else {
      messages.push(String(current));
      current = undefined;
    }
  }
  return messages;
}
