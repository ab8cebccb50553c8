/**
 * The alternate screen: the UI draws on a screen of its own and the shell's screen comes back,
 * untouched, when it leaves. Leaving must happen however the process ends: quit, Ctrl-C,
 * SIGTERM or SIGHUP, or a crash.
 */

const ENTER = '\u001b[?1049h\u001b[H';
const LEAVE = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

const SIGNALS = { SIGTERM: 15, SIGHUP: 1, SIGINT: 2 } as const;

export interface AlternateScreen {
  /** Restores the shell's screen; safe to call more than once. */
  leave(): void;
}

export function enterAlternateScreen(
  stdout: NodeJS.WriteStream = process.stdout,
  stdin: NodeJS.ReadStream = process.stdin,
): AlternateScreen {
  let active = true;
  const leave = () => {
    if (!active) return;
    active = false;
    if (stdin.isTTY) stdin.setRawMode?.(false);
    stdout.write(SHOW_CURSOR + LEAVE);
    process.off('exit', leave);
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
  const handlers = Object.entries(SIGNALS).map(([signal, number]) => {
    const handler = () => {
      leave();
      process.exit(128 + number);
    };
    return [signal as NodeJS.Signals, handler] as const;
  });
  const onCrash = (error: unknown) => {
    leave();
    process.stderr.write(
      `claimscope crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  };
  stdout.write(ENTER);
  process.on('exit', leave);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return { leave };
}
