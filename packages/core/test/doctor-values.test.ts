/**
 * Value deprecations Home Manager declares with lib.hm.deprecations:
 * remapAttrsRecursive (keys under a settings option HM renames, e.g.
 * camelCase → snake_case under programs.ashell.settings: fixed by renaming the
 * key) and mkDeprecatedOptionValueWarning (a deprecated value shape: reported
 * with HM's own message, never rewritten).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fixSource, renameData } from "../src/index.js";

const hasNix = spawnSync("nix-instantiate", ["--version"]).status === 0;
const parses = (text: string) => {
  if (!hasNix) return;
  const r = spawnSync("nix-instantiate", ["--parse", "-E", text], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
};

describe("the value-deprecation data", () => {
  it("records HM's call sites, with the message HM builds where the call is static", () => {
    const helix = renameData.values.find((v) => v.option?.join(".") === "programs.helix.languages");
    expect(helix).toMatchObject({ kind: "shape", old: "a list", shape: "list" });
    expect(helix?.message).toMatch(
      /^Using `programs\.helix\.languages` as a list is deprecated and will be\nremoved in a future release\. Please use `programs\.helix\.languages\.language` instead\./,
    );
    for (const v of renameData.values) expect(v.source).toMatch(/^modules\/.+\.nix:\d+$/);
    expect(renameData.remaps).toContainEqual({
      option: ["programs", "ashell", "settings"],
      pred: "lib.hm.strings.isCamelCase",
      transform: "lib.hm.strings.toSnakeCase",
      ignore: [],
      source: expect.stringMatching(/^modules\/programs\/ashell\.nix:\d+$/),
    });
    expect(renameData.counts.values).toBe(renameData.values.length);
    expect(renameData.counts.remaps).toBe(renameData.remaps.length);
  });
});

describe("remapAttrsRecursive: settings keys HM renames", () => {
  const src = `{
  programs.ashell.settings = {
    appLauncherCmd = "fuzzel"; # a comment stays
    modules.leftSide = [ "Workspaces" ];
    "clipboardCmd" = "cliphist";
    position = "Top";
    nested.deeperKey.innerKey = 1;
  };
  programs.ashell.settings.truncateTitleAfterLength = 150;
}
`;

  it("reports file:line:col  old → new and renames plain keys in place", () => {
    const { analysis, text } = fixSource(src);
    expect(
      analysis.findings.map((f) => `${f.line}:${f.column}  ${f.from} → ${f.to} ${f.fix}`),
    ).toEqual([
      "3:5  programs.ashell.settings.appLauncherCmd → programs.ashell.settings.app_launcher_cmd auto",
      "4:13  programs.ashell.settings.modules.leftSide → programs.ashell.settings.modules.left_side auto",
      "5:5  programs.ashell.settings.clipboardCmd → programs.ashell.settings.clipboard_cmd auto",
      "7:12  programs.ashell.settings.nested.deeperKey → programs.ashell.settings.nested.deeper_key auto",
      "7:22  programs.ashell.settings.nested.deeperKey.innerKey → programs.ashell.settings.nested.deeperKey.inner_key auto",
      "9:28  programs.ashell.settings.truncateTitleAfterLength → programs.ashell.settings.truncate_title_after_length auto",
    ]);
    expect(analysis.findings[0]?.message).toBe(
      "The setting 'appLauncherCmd' in 'programs.ashell.settings' was automatically renamed to 'app_launcher_cmd'. Please update your configuration.",
    );
    expect(text).toBe(`{
  programs.ashell.settings = {
    app_launcher_cmd = "fuzzel"; # a comment stays
    modules.left_side = [ "Workspaces" ];
    clipboard_cmd = "cliphist";
    position = "Top";
    nested.deeper_key.inner_key = 1;
  };
  programs.ashell.settings.truncate_title_after_length = 150;
}
`);
    parses(text);
    // --fix is idempotent.
    const again = fixSource(text);
    expect(again.analysis.findings).toEqual([]);
    expect(again.text).toBe(text);
  });

  it("renames keys inside lists too, as HM does", () => {
    const { analysis, text } = fixSource(
      `{ programs.ashell.settings.CustomModule = [ { name = "a"; iconName = "x"; sub = [ { deepKey = 1; } ]; } ]; }\n`,
    );
    expect(analysis.findings.map((f) => `${f.from} → ${f.to} ${f.fix}`)).toEqual([
      "programs.ashell.settings.CustomModule.*.iconName → programs.ashell.settings.CustomModule.*.icon_name auto",
      "programs.ashell.settings.CustomModule.*.sub.*.deepKey → programs.ashell.settings.CustomModule.*.sub.*.deep_key auto",
    ]);
    expect(text).toBe(
      `{ programs.ashell.settings.CustomModule = [ { name = "a"; icon_name = "x"; sub = [ { deep_key = 1; } ]; } ]; }\n`,
    );
    parses(text);
  });

  it("leaves a key to a person when its new name is already set there", () => {
    const { analysis, text } = fixSource(
      `{ programs.ashell.settings.workspaces = { visibilityMode = "All"; visibility_mode = "x"; }; }\n`,
    );
    expect(analysis.findings).toMatchObject([
      {
        from: "programs.ashell.settings.workspaces.visibilityMode",
        to: "programs.ashell.settings.workspaces.visibility_mode",
        fix: "manual",
        reason: "'visibility_mode' is already set here: merge by hand",
      },
    ]);
    expect(text).toContain("visibilityMode");
  });

  it("does not touch other programs' settings, nor keys HM's predicate rejects", () => {
    const { analysis } = fixSource(
      `{ programs.foo.settings.someKey = 1; programs.ashell.settings = { URLBar = 1; snake_case = 2; lower = 3; }; }\n`,
    );
    expect(analysis.findings).toEqual([]);
  });
});

describe("mkDeprecatedOptionValueWarning: deprecated value shapes", () => {
  it("reports a literal of the old shape with HM's own message, and changes nothing", () => {
    const src = `{ lib, ... }:
{
  programs.helix.languages = [ { name = "nix"; } ];
  programs.infat.autoActivate = lib.mkDefault true;
  services.swayidle.events = [ ];
}
`;
    const { analysis, text } = fixSource(src);
    expect(text).toBe(src);
    expect(analysis.findings.map((f) => [f.line, f.column, f.from, f.kind, f.fix])).toEqual([
      [3, 30, "programs.helix.languages", "changed", "manual"],
      [4, 33, "programs.infat.autoActivate", "changed", "manual"],
      [5, 30, "services.swayidle.events", "changed", "manual"],
    ]);
    const data = (p: string) =>
      renameData.values.find((v) => v.option?.join(".") === p)?.message?.replace(/\s*\n\s*/g, " ");
    expect(analysis.findings.map((f) => f.message)).toEqual([
      data("programs.helix.languages"),
      data("programs.infat.autoActivate"),
      data("services.swayidle.events"),
    ]);
    expect(analysis.findings[2]?.message).toBe(
      "Using `services.swayidle.events` as a list is deprecated and will be removed in a future release. Please use an attribute set keyed by event name instead. Use event names as attribute keys and commands as values.",
    );
  });

  it("says nothing about the new shapes", () => {
    const { analysis } = fixSource(
      `{ programs.helix.languages = { language = [ ]; }; programs.infat.autoActivate.enable = true; services.swayidle.events = { lock = "swaylock"; }; }\n`,
    );
    expect(analysis.findings).toEqual([]);
  });
});

describe("remapAttrsRecursive: references follow the renamed keys", () => {
  it("renames `config.programs.ashell.settings.fooBar` with the definition", () => {
    const src = `{ config, ... }:
{
  programs.ashell.settings.appLauncherCmd = "fuzzel";
  home.sessionVariables.LAUNCHER = config.programs.ashell.settings.appLauncherCmd;
}
`;
    const { analysis, text } = fixSource(src);
    expect(analysis.findings.map((f) => [f.where, f.from, f.to, f.fix])).toEqual([
      [
        "option",
        "programs.ashell.settings.appLauncherCmd",
        "programs.ashell.settings.app_launcher_cmd",
        "auto",
      ],
      [
        "reference",
        "config.programs.ashell.settings.appLauncherCmd",
        "config.programs.ashell.settings.app_launcher_cmd",
        "auto",
      ],
    ]);
    expect(text).toBe(src.replaceAll("appLauncherCmd", "app_launcher_cmd"));
    parses(text);
  });
});

describe("every value rule the analysis can recognise", () => {
  const literal = {
    list: "[ ]",
    bool: "true",
    string: '"x"',
    set: "{ }",
    function: "x: x",
    path: "./x",
  };
  it("is found when a module sets a literal of that shape", () => {
    const rules = renameData.values.filter(
      (v) => v.option && v.shape && v.message && !v.option.includes("<name>"),
    );
    expect(rules.length).toBeGreaterThanOrEqual(3);
    for (const v of rules) {
      const path = (v.option as string[]).map((x) => JSON.stringify(x)).join(".");
      const { analysis } = fixSource(
        `{ ${path} = ${literal[v.shape as keyof typeof literal]}; }\n`,
      );
      expect(
        analysis.findings.map((f) => f.from),
        path,
      ).toEqual([(v.option as string[]).join(".")]);
    }
  });
});
