/**
 * The two files that let `npx plop profile|host|template` extend a generated
 * repository. The generators ship in @nixhome/plop; only this function knows
 * how a repository loads them, so changing that is a one-place edit.
 */
import type { PlannedFile } from "../plan/plan.js";

export const PLOP_PACKAGE = "@nixhome/plop";
export const PLOP_PACKAGE_RANGE = "^0.1.0";
export const PLOP_RANGE = "^4.0.5";

export function renderPlopFiles(): PlannedFile[] {
  const pkg = {
    name: "home-manager-config",
    private: true,
    type: "module",
    description: "Generators for this Home Manager repository: npx plop profile | host | template",
    scripts: { plop: "plop" },
    devDependencies: { [PLOP_PACKAGE]: PLOP_PACKAGE_RANGE, plop: PLOP_RANGE },
  };
  const plopfile = [
    "// Generators for this repository: `npx plop profile`, `npx plop host`, `npx plop template`.",
    "// They edit nixhome.json and add one .nix file; flake.nix reads the JSON and never changes.",
    "export default async function (plop) {",
    `  await plop.load(${JSON.stringify(PLOP_PACKAGE)});`,
    "}",
    "",
  ].join("\n");
  return [
    { path: "package.json", content: `${JSON.stringify(pkg, null, 2)}\n` },
    { path: "plopfile.js", content: plopfile },
  ];
}
