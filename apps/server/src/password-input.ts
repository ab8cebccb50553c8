import type { ReadStream } from 'node:tty';

/**
 * Reads a password: typed at a terminal without echo (asked twice when `confirm`), or the first
 * line of piped stdin. Never from the command line, where other users' `ps` would see it.
 */
export async function readPassword(prompt: string, confirm: boolean): Promise<string> {
  const stdin = process.stdin as ReadStream;
  if (!stdin.isTTY) return firstLine(stdin);
  const first = await typed(stdin, prompt);
  if (confirm && (await typed(stdin, 'again: ')) !== first)
    throw new Error('the two passwords differ; nothing was changed');
  return first;
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** One line typed at the terminal in raw mode, echoing nothing. */
function typed(stdin: ReadStream, prompt: string): Promise<string> {
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let password = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          done();
          return resolve(password);
        }
        if (char === '\u0003') {
          done();
          return reject(new Error('cancelled'));
        }
        if (char === '\u007f' || char === '\b') password = password.slice(0, -1);
        else password += char;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
