/**
 * The prompts a run may ask, as an interface: the real one is @clack/prompts,
 * tests drive the same questions with scripted answers.
 */
import * as clack from "@clack/prompts";

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

export const clackPrompts: Prompts = {
  intro: (title) => clack.intro(title),
  text: (opts) => clack.text(opts),
  select: <T extends string>(opts: { message: string; options: Choice<T>[]; initialValue?: T }) =>
    clack.select<T>(opts as unknown as Parameters<typeof clack.select<T>>[0]),
  multiselect: <T extends string>(opts: {
    message: string;
    options: Choice<T>[];
    initialValues?: T[];
    required?: boolean;
    maxItems?: number;
  }) => clack.multiselect<T>(opts as unknown as Parameters<typeof clack.multiselect<T>>[0]),
  confirm: (opts) => clack.confirm(opts),
  isCancel: (value): value is symbol => clack.isCancel(value),
  cancel: (message) => clack.cancel(message),
  outro: (message) => clack.outro(message),
};
