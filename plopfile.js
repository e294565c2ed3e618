// `npx plop profile | host | template` at the monorepo root grows our own
// layered config in home-manager/ (run `pnpm build` first).
import { fileURLToPath } from "node:url";
import generators from "./packages/plop/dist/index.js";

export default function (plop) {
  generators(plop, { repoDir: fileURLToPath(new URL("./home-manager", import.meta.url)) });
}
