// luarocks is left out: the top-level luarocks is built for one Lua version and would
// install rocks for the wrong interpreter when the knob picks another.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "lua",
  name: "Lua",
  aliases: ["lua5"],
  version: {
    flag: "lua",
    default: "5.4",
    attrs: {
      "5.1": "lua5_1",
      "5.4": "lua5_4",
    },
  },
  packages: ["lua-language-server", "stylua"],
};

export const lua: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Lua interpreter with lua-language-server and StyLua",
  markers: [
    { file: ".luarc.json" },
    { file: ".luarc.jsonc" },
    { ext: ".rockspec" },
    { file: "stylua.toml" },
    { file: ".stylua.toml" },
  ],
  versionFrom: [{ file: ".tool-versions", pattern: "^lua\\s+(\\d+\\.\\d+)" }],
  watch: [".luarc.json"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  lua5_1: "NixOS/nixpkgs:pkgs/development/interpreters/lua-5/default.nix (lua5_1)",
  lua5_4: "NixOS/nixpkgs:pkgs/development/interpreters/lua-5/default.nix (lua5_4 5.4.7)",
  "lua-language-server": "NixOS/nixpkgs:pkgs/by-name/lu/lua-language-server/package.nix",
  stylua: "NixOS/nixpkgs:pkgs/by-name/st/stylua/package.nix",
};
