/** The executable: wires `run` to the process (argv, TTY, exit code, Ctrl-C). */
import { writeSync } from "node:fs";
import { isatty } from "node:tty";
import { errorLine, run } from "./run.js";

/**
 * Straight to the file descriptor (as create-nix-home): creating process.stdout costs a
 * short run milliseconds. A pipe that would block (EAGAIN) gets the rest, and everything
 * after it, through the stream, so the output keeps its order.
 */
const streamed = { 1: false, 2: false };
function writeOut(fd: 1 | 2, text: string): void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (streamed[fd]) {
    stream().write(text);
    return;
  }
  const bytes = Buffer.from(text, "utf8");
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch {
    streamed[fd] = true;
    stream().write(bytes.subarray(done));
  }
}

async function main(): Promise<void> {
  // Ctrl-C outside a prompt: writing is synchronous, so this only runs between steps.
  const onSigint = () => {
    process.stderr.write("\ncreate-nix-devshell: cancelled; nothing was written\n");
    process.exit(130);
  };
  process.once("SIGINT", onSigint);
  try {
    process.exitCode = await run({
      argv: process.argv.slice(2),
      cwd: process.cwd(),
      env: process.env,
      // isatty, not process.stdin.isTTY: creating the stdin stream costs a run milliseconds.
      isTTY: isatty(0) && isatty(1),
      io: {
        stdout: (t) => writeOut(1, t),
        stderr: (t) => writeOut(2, t),
      },
    });
  } catch (e) {
    const { line, code } = errorLine(e);
    writeOut(2, line);
    if (process.env.NIXHOME_DEBUG && e instanceof Error) writeOut(2, `${e.stack}\n`);
    process.exitCode = code;
  }
  // Leave nothing pending (a prompt's stdin listener would keep the process alive).
  // Only our own: the writer's handler still has to see a signal that came during the write.
  process.off("SIGINT", onSigint);
  if (isatty(0)) process.stdin.unref();
}

void main();
