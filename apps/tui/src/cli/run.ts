import { TRPCClientError } from '@trpc/client';
import pkg from '../../package.json' with { type: 'json' };
import { connect } from '../api/client.js';
import { describeError } from '../api/errors.js';
import type { InteractiveHooks } from '../interactive.js';
import { parseCommandLine, USAGE, USAGE_EXIT_CODE, UsageError } from './args.js';
import { runSubcommand } from './commands.js';

/** What the built binary adds around the interactive UI (src/main.ts); nothing from source. */
export interface Runtime {
  /** Runs before the interactive UI's modules load. */
  prepareInteractive?: () => Promise<void>;
  interactiveHooks?: InteractiveHooks;
}

function fail(message: string, code: number): never {
  process.stderr.write(`claimscope: ${message}\n`);
  process.exit(code);
}

async function main(argv: string[], runtime: Runtime): Promise<void> {
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(argv, process.env);
  } catch (error) {
    if (error instanceof UsageError)
      fail(`${error.message}\nRun 'claimscope --help' for usage.`, USAGE_EXIT_CODE);
    throw error;
  }
  if (command.kind === 'help') return void process.stdout.write(`${USAGE}\n`);
  if (command.kind === 'version') return void process.stdout.write(`${pkg.version}\n`);

  if (command.kind === 'import') {
    const { runImport } = await import('./import.js');
    const print = (line: string) => process.stdout.write(`${line}\n`);
    try {
      process.exitCode = await runImport(
        command.options,
        command.paths,
        process.env,
        print,
        command.from ?? null,
      );
    } catch (error) {
      const api = command.options.api;
      fail(describeError(error, api ? { kind: 'remote', url: api } : { kind: 'local' }), 1);
    }
    return;
  }

  if (command.kind === 'export') {
    const connection = await connect(command.options);
    const { runExport } = await import('./export.js');
    try {
      await runExport(command, connection.client, process.stdout, process.stderr);
    } catch (error) {
      fail(describeError(error, connection.source), 1);
    }
    return;
  }

  if (command.kind === 'extract') {
    const { runExtract } = await import('./extract.js');
    process.exitCode = await runExtract(
      command.paths,
      { out: command.out, json: command.options.json },
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`claimscope: ${line}\n`),
    );
    return;
  }

  if (command.kind !== 'interactive') {
    const connection = await connect(command.options);
    try {
      const out = await runSubcommand(command, connection.client);
      process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
    } catch (error) {
      const badInput = error instanceof TRPCClientError && error.data?.code === 'BAD_REQUEST';
      fail(describeError(error, connection.source), badInput ? USAGE_EXIT_CODE : 1);
    }
    return;
  }

  if (!process.stdin.isTTY || !process.stdout.isTTY)
    fail(
      `the interactive UI needs a terminal (stdin and stdout must be a TTY).\nFor scripts, use a subcommand: claimscope entities|claims|relations|search <query>|article [--json].`,
      USAGE_EXIT_CODE,
    );

  // Ink and React load only here: the subcommands never pay for them.
  await runtime.prepareInteractive?.();
  const { runInteractive } = await import('../interactive.js');
  await runInteractive(command.options, runtime.interactiveHooks);
  process.exit(0);
}

/** Runs `claimscope` with the command line `argv` (without node and the script). */
export function run(argv: string[], runtime: Runtime = {}): void {
  // `claimscope entities | head` closes the pipe early: that is the reader being done, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(argv, runtime).catch((error: unknown) => {
    fail(error instanceof Error ? error.message : String(error), 1);
  });
}
