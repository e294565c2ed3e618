/** The executable: wires `run` to the process (argv, TTY, exit code, Ctrl-C). */
import { errorLine, run } from "./run.js";

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
      isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      io: {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
      },
    });
  } catch (e) {
    const { line, code } = errorLine(e);
    process.stderr.write(line);
    if (process.env.NIXHOME_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = code;
  }
  // Leave nothing pending (a prompt's stdin listener would keep the process alive).
  // Only our own: the writer's handler still has to see a signal that came during the write.
  process.off("SIGINT", onSigint);
  if (process.stdin.isTTY) process.stdin.unref();
}

await main();
