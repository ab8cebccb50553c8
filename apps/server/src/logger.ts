/** Where the server writes its lines: one per request, plus startup and failures. */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

export const stdoutLogger: Logger = {
  info: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };
