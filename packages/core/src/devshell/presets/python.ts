// uv may not download interpreters: the venv always uses the Nix Python of the knob.
import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "python",
  name: "Python",
  aliases: ["py", "python3"],
  version: {
    flag: "python",
    default: "3.13",
    attrs: {
      "3.11": "python311",
      "3.12": "python312",
      "3.13": "python313",
      "3.14": "python314",
    },
  },
  packages: ["uv", "ruff", "pyright"],
  env: {
    UV_PYTHON_DOWNLOADS: "never",
    UV_PYTHON_PREFERENCE: "only-system",
  },
  shellHook: `if [ ! -d "$project_root/.venv" ]; then
  uv venv --quiet --python "$(command -v python3)" "$project_root/.venv"
fi
. "$project_root/.venv/bin/activate"`,
};

export const python: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "Python with uv (a .venv is created and activated), Ruff and Pyright",
  markers: [
    { file: "pyproject.toml", nested: "^\\[(project|tool\\.(poetry|uv|hatch|pdm|setuptools))\\]" },
    { file: "requirements.txt", nested: "^[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[|[=<>~!]=?|;|$)" },
    { file: "uv.lock", nested: "^version\\s*=" },
    { file: "poetry.lock", nested: "^\\[\\[package\\]\\]" },
    { file: "setup.py", nested: "\\bsetup\\(" },
    { file: "setup.cfg", nested: "^\\[metadata\\]" },
    { file: "Pipfile", nested: "^\\[packages\\]" },
    { file: ".python-version" },
  ],
  versionFrom: [
    { file: ".python-version", pattern: "^\\s*(\\d+\\.\\d+(?:\\.\\d+)?)" },
    { file: "Pipfile", pattern: "^python_version\\s*=\\s*[\"'](\\d+\\.\\d+)" },
    { file: "pyproject.toml", pattern: "^requires-python\\s*=\\s*[\"']([^\"']+)", kind: "range" },
    { file: "pyproject.toml", pattern: "^python\\s*=\\s*[\"']([^\"']+)", kind: "range" },
  ],
  toolNames: ["python"],
  watch: ["pyproject.toml", "uv.lock", "requirements.txt", "poetry.lock", ".python-version"],
  gitignore: [".venv/"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  python311: "attributes.json (present); pkgs/development/interpreters/python/default.nix",
  python312: "attributes.json (present); pkgs/development/interpreters/python/default.nix",
  python313: "attributes.json (present); pkgs/development/interpreters/python/default.nix",
  python314: "attributes.json (present); pkgs/development/interpreters/python/default.nix",
  uv: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/uv/uv/package.nix",
  ruff: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ru/ruff/package.nix",
  pyright: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/py/pyright/package.nix",
};
