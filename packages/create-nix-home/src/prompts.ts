/**
 * The prompts a run may ask, as an interface: the real one is @clack/prompts,
 * tests drive the same questions with scripted answers. The library is loaded
 * only when a question is asked: `--yes` and flag-only runs never pay for it.
 */

export interface Choice<T extends string> {
  value: T;
  label?: string;
  hint?: string;
  disabled?: boolean;
}

export interface Prompts {
  intro(title: string): void;
  text(opts: {
    message: string;
    initialValue?: string;
    placeholder?: string;
    validate?: (value: string | undefined) => string | undefined;
  }): Promise<string | symbol>;
  select<T extends string>(opts: {
    message: string;
    options: Choice<T>[];
    initialValue?: T;
  }): Promise<T | symbol>;
  multiselect<T extends string>(opts: {
    message: string;
    options: Choice<T>[];
    initialValues?: T[];
    required?: boolean;
    maxItems?: number;
  }): Promise<T[] | symbol>;
  confirm(opts: { message: string; initialValue?: boolean }): Promise<boolean | symbol>;
  isCancel(value: unknown): value is symbol;
  cancel(message: string): void;
  outro(message: string): void;
}

/** @clack/prompts behind the interface (clack.ts), loaded on first use. */
export async function loadClackPrompts(): Promise<Prompts> {
  return (await import("./clack.js")).clackPrompts;
}
