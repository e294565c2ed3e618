// The create-nix-home command: everything happens in run(); this only sets the exit code.
import { run } from "./run.js";

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
