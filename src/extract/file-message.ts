import type { MessageOptions, VFile } from 'vfile';

/**
 * `file.message(reason, options)` without the stack trace `Error` captures in the message's constructor:
 * vfile-message overwrites that stack with '' anyway, so the message is the same, made without walking the
 * stack (several microseconds each, about one message an article). `Error.stackTraceLimit` is put back
 * before this returns or throws.
 */
export function fileMessage(file: VFile, reason: string, options: MessageOptions): ReturnType<VFile['message']> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return file.message(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
