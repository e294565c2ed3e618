/**
 * Arguments that go before every git command a tool runs inside a user's
 * project or repository. That folder is untrusted (it may come from an archive
 * with its own .git/config), and git runs some configured commands by itself:
 * `core.fsmonitor` whenever it reads the index, hooks on some commands. These
 * settings on the command line win over the repository's own.
 */
export const UNTRUSTED_GIT_ARGS: readonly string[] = [
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.hooksPath=/dev/null",
];
