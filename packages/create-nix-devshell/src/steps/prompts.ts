/**
 * The one question the CLI may ask, behind an interface so tests can answer
 * it. The real implementation is @clack/prompts' multiselect (imported by name,
 * so the bundle carries only what it uses).
 */
import type { Readable, Writable } from "node:stream";
import { cancel, isCancel, multiselect } from "@clack/prompts";

export interface LanguageQuestion {
  message: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  /** Preselected values (the detected languages). */
  initialValues: string[];
}

export interface Prompts {
  /** The chosen values (at least one), or null when the user cancelled (Ctrl-C, Esc). */
  chooseLanguages(question: LanguageQuestion): Promise<string[] | null>;
}

export function clackPrompts(io: { input?: Readable; output?: Writable } = {}): Prompts {
  return {
    async chooseLanguages(question) {
      const answer = await multiselect<string>({
        message: question.message,
        options: question.options,
        initialValues: question.initialValues,
        required: true,
        maxItems: 12,
        ...io,
      });
      if (isCancel(answer)) {
        cancel("Cancelled; nothing was written.", io.output ? { output: io.output } : {});
        return null;
      }
      return answer;
    },
  };
}
