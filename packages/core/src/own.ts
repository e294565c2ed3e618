/**
 * Lookups by user-chosen names (hosts, layers, flags): a plain object answers
 * `constructor`, `toString`, `__proto__` … from its prototype. These helpers
 * only ever see own properties.
 */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether `key` is an own property of `record`. */
export function hasOwn(record: object | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}
