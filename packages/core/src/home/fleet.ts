/**
 * The fleet files of a home repository: bootstrap.sh and the GitHub workflows
 * that build every configuration, push closures to the binary cache and
 * record what was built. They never vary, so they are template files
 * (packages/core/templates/home/), bundled as text; everything they need to
 * know (configurations, systems, the cache) they read from the repository.
 */
import bootstrap from "../../templates/home/bootstrap.sh";
import ciWorkflow from "../../templates/home/github/workflows/ci.yml";
import updateWorkflow from "../../templates/home/github/workflows/update-flake-lock.yml";
import type { PlannedFile } from "../plan/plan.js";

export const BOOTSTRAP_SH: string = bootstrap;

/** GitHub-hosted runner of each system (the CI matrix maps systems the same way). */
export const RUNNERS: Readonly<Record<string, string>> = {
  "x86_64-linux": "ubuntu-latest",
  "aarch64-linux": "ubuntu-24.04-arm",
  "aarch64-darwin": "macos-15",
  "x86_64-darwin": "macos-13",
};

/** The branch CI commits the build record (builds.json) to. */
export const BUILD_RECORD_BRANCH = "nixhome-builds";

export const WORKFLOWS: readonly { path: string; content: string }[] = [
  { path: ".github/workflows/ci.yml", content: ciWorkflow },
  { path: ".github/workflows/update-flake-lock.yml", content: updateWorkflow },
];

/** bootstrap.sh (0755) and the workflows. */
export function renderFleetFiles(): PlannedFile[] {
  return [
    { path: "bootstrap.sh", content: BOOTSTRAP_SH, mode: 0o755 },
    ...WORKFLOWS.map((w) => ({ path: w.path, content: w.content })),
  ];
}
