// The monorepo's own layered configuration (home-manager/ at the repository
// root) is generated from its nixhome.json: regenerating it must give the
// committed tree byte for byte, with nothing missing and nothing extra.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseHomeSpec, renderHome } from "../src/index.js";

const root = fileURLToPath(new URL("../../../home-manager/", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = join(dir, entry);
    if (entry === "node_modules" || entry === ".direnv" || entry === "flake.lock") return [];
    return statSync(p).isDirectory() ? filesUnder(p) : [relative(root, p)];
  });
}

describe("home-manager/ (our own configuration)", () => {
  const spec = parseHomeSpec(
    readFileSync(join(root, "nixhome.json"), "utf8"),
    "home-manager/nixhome.json",
  );
  const plan = renderHome(spec);

  it("is Big Boss's layered configuration", () => {
    expect(spec.user).toEqual({
      name: "Big Boss",
      email: "bigboss@metalrodeo.xyz",
      username: "bigboss",
      homeDirectory: "/home/bigboss",
    });
    expect(spec.system).toBe("x86_64-linux");
    expect(spec.shell).toBe("zsh");
    expect(Object.keys(spec.hosts)).toEqual(["laptop", "work-server", "cloud-instance"]);
    expect(spec.templates).toEqual(["python", "node", "rust"]);
  });

  it("regenerates byte for byte", () => {
    expect(filesUnder(root).sort()).toEqual(plan.map((f) => f.path).sort());
    for (const f of plan) {
      const p = join(root, f.path);
      expect(readFileSync(p, "utf8"), f.path).toBe(f.content);
      expect((statSync(p).mode & 0o111) !== 0, `${f.path} executable`).toBe(f.mode === 0o755);
    }
  });
});
