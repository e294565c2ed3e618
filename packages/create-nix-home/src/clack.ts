/**
 * The real prompts: @clack/prompts behind the Prompts interface. Only
 * prompts.ts's loadClackPrompts imports this module, dynamically, so a run
 * that asks nothing never evaluates the library.
 */
import { cancel, confirm, intro, isCancel, multiselect, outro, select, text } from "@clack/prompts";
import type { Choice, Prompts } from "./prompts.js";

export const clackPrompts: Prompts = {
  intro: (title) => intro(title),
  text: (opts) => text(opts),
  select: <T extends string>(opts: { message: string; options: Choice<T>[]; initialValue?: T }) =>
    select<T>(opts as unknown as Parameters<typeof select<T>>[0]),
  multiselect: <T extends string>(opts: {
    message: string;
    options: Choice<T>[];
    initialValues?: T[];
    required?: boolean;
    maxItems?: number;
  }) => multiselect<T>(opts as unknown as Parameters<typeof multiselect<T>>[0]),
  confirm: (opts) => confirm(opts),
  isCancel: (value): value is symbol => isCancel(value),
  cancel: (message) => cancel(message),
  outro: (message) => outro(message),
};
