/** The executable: wires `run` to the process (argv, exit code). */
import { errorLine, run } from "./run.js";

function main(): void {
  try {
    process.exitCode = run({
      argv: process.argv.slice(2),
      cwd: process.cwd(),
      env: process.env,
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
}

main();
