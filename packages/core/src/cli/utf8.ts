/**
 * Command-line arguments that are not UTF-8: Node decodes argv as UTF-8 and
 * replaces every byte it cannot read with U+FFFD, so the original bytes are
 * gone by the time we see them. A name or path built from them would silently
 * be a different one: refuse instead.
 */
export function nonUtf8Argument(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a.includes("\uFFFD"));
  if (i === -1) return undefined;
  return `argument ${i + 1} (${JSON.stringify(argv[i])}) is not valid UTF-8 text; nixhome refuses it rather than guess the bytes (U+FFFD marks them)`;
}
