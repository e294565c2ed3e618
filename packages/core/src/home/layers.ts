/**
 * The module files of a home repository: home.nix (identity), the layers in
 * profiles/ and one file per host in hosts/. Each is built as an expression
 * and printed by the Nix printer; precedence follows `module.ts`.
 */
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { renderNix } from "../nix/printer.js";
import { own } from "../own.js";
import { moduleFn, packageList, type Rank, scalar } from "./module.js";
import { serviceFiles } from "./services.js";
import { type HomeSpec, SHELLS, type Shell } from "./spec.js";

/** What a host adds, by host name. */
export const HOST_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  laptop: ["gh", "lazygit", "ripgrep", "fd", "bat", "btop"],
  "work-server": ["kubectl", "awscli2"],
  "cloud-instance": [],
};
export const SHELL_ALIASES: Readonly<Record<string, string>> = { ll: "ls -la", "..": "cd .." };
export const OH_MY_ZSH = { plugins: ["git", "docker"], theme: "robbyrussell" } as const;

const isShell = (shell: Shell) => n.op("==", n.ref("nixhome.shell"), n.str(shell));
const isEditor = (editor: string) => n.op("==", n.ref("nixhome.editor"), n.str(editor));

/** profiles/base.nix: tools and programs every machine gets; every scalar is lib.mkDefault. */
export function baseLayer(_spec?: HomeSpec): NixExpr {
  const rank: Rank = "base";
  return moduleFn(
    [
      n.bind("imports", n.list(serviceFiles().map((f) => n.path(`../${f.path}`))), {
        comment:
          'Tools every machine gets. Scalars in this layer use lib.mkDefault, so any layer\nabove wins; lists merge with theirs. The services (Docker, code-server) are\nswitched per host in nixhome.json ("docker", "codeServer"), not here.',
      }),
      n.bind(
        "targets.genericLinux.enable",
        n.call("lib.mkIf", n.ref("pkgs.stdenv.hostPlatform.isLinux"), scalar(rank, true)),
        {
          gap: true,
          comment:
            "Linux that is not NixOS: XDG data dirs, desktop entries and session variables\nfor the distribution (a NixOS host sets it to false with lib.mkForce).",
        },
      ),
      n.bind("programs.git.enable", scalar(rank, true), { gap: true }),
      ...SHELLS.map((shell, i) =>
        n.bind(`programs.${shell}.enable`, scalar(rank, isShell(shell)), {
          ...(i === 0
            ? {
                gap: true,
                comment:
                  'The interactive shell: "shell" in nixhome.json (zsh, bash or fish). Make it\nyour login shell with chsh (see README.md).',
              }
            : {}),
        }),
      ),
      n.bind(
        "home.shellAliases",
        n.attrs(Object.entries(SHELL_ALIASES).map(([k, v]) => n.bind([k], scalar(rank, v)))),
      ),
      n.bind(
        "programs.man.generateCaches",
        n.call("lib.mkIf", n.id("fishWithoutMan"), n.call("lib.mkOverride", 900, false)),
        {
          gap: true,
          comment:
            "The fish module turns on man caches; without a man package (macOS, stateVersion\n26.05+: the system's man) they have nothing to index. Priority 900 beats that\nmodule's mkDefault and still yields to any layer above.",
        },
      ),
      n.bind(
        "programs.direnv",
        n.attrs([
          n.bind("enable", scalar(rank, true)),
          n.bind("nix-direnv.enable", scalar(rank, true)),
        ]),
        { gap: true, comment: "Per-project environments: `use flake` in an .envrc." },
      ),
      n.bind("programs.home-manager.enable", scalar(rank, true), {
        gap: true,
        comment: "Let Home Manager install and manage itself.",
      }),
    ],
    {
      let: [
        n.bind(
          "fishWithoutMan",
          n.op("&&", isShell("fish"), n.op("==", n.ref("config.programs.man.package"), n.null())),
        ),
      ],
    },
  );
}

/** The command each editor runs as `$EDITOR` and git's `core.editor`. */
export const EDITOR_COMMAND = { vim: "vim", vscode: "code --wait" } as const;

/** profiles/personal.nix: who you are and how you like things; plain definitions. */
export function personalLayer(_spec?: HomeSpec): NixExpr {
  return moduleFn(
    [
      n.bind(
        "programs.git.settings",
        n.attrs([
          n.bind("user.name", n.ref("nixhome.user.name")),
          n.bind("user.email", n.ref("nixhome.user.email")),
          n.bind("core.editor", n.id("editor")),
          n.bind("pull.rebase", false),
        ]),
        {
          comment:
            'Your git identity and preferences (written to ~/.config/git/config); name and\nemail are "user" in nixhome.json (a host there may set its own).',
        },
      ),
      n.bind("home.sessionPath", n.list(["$HOME/.local/bin"]), {
        gap: true,
        comment: "Your own scripts.",
      }),
      n.bind("home.sessionVariables.EDITOR", n.id("editor")),
      n.bind(
        "programs.zsh.oh-my-zsh",
        n.call(
          "lib.mkIf",
          isShell("zsh"),
          n.attrs([
            n.bind("enable", true),
            n.bind("plugins", n.list([...OH_MY_ZSH.plugins])),
            n.bind("theme", OH_MY_ZSH.theme),
          ]),
        ),
        { gap: true },
      ),
      n.bind("programs.vscode.enable", isEditor("vscode"), {
        gap: true,
        comment:
          'Your editor: "editor" in nixhome.json. VS Code is unfree: flake.nix allows it\nby exact name when it is the editor, never all unfree software.',
      }),
      n.bind("home.packages", n.call("lib.optional", isEditor("vim"), n.ref("pkgs.vim"))),
    ],
    {
      let: [
        n.bind("editors", n.attrs(Object.entries(EDITOR_COMMAND).map(([k, v]) => n.bind(k, v))), {
          comment: '"editor" in nixhome.json picks the command $EDITOR and git run.',
        }),
        n.bind("editor", n.select(n.id("editors"), [n.ref("nixhome.editor")])),
      ],
    },
  );
}

export interface LayerFileInput {
  /** Layer name (`profiles/<name>.nix`); see LAYER_PATTERN. */
  name: string;
  /** One line saying what the layer is for; becomes the comment above its packages. */
  purpose?: string;
  /** nixpkgs attribute names the layer starts with. */
  packages?: readonly string[];
}

/** A new layer (as `npx plop profile` writes it): its packages, ready for more settings. */
export function customLayer(input: LayerFileInput): NixExpr {
  return moduleFn([
    n.bind("home.packages", packageList(input.packages ?? []), {
      comment: `${input.purpose?.trim() || `The ${input.name} layer.`}\nScalars here are plain: they beat base and lose to a host's lib.mkForce.`,
    }),
  ]);
}

/** The module of a layer: base and personal from the spec, any other as a starter layer. */
export function layerModule(spec: HomeSpec, name: string): NixExpr {
  if (name === "base") return baseLayer(spec);
  if (name === "personal") return personalLayer(spec);
  return customLayer({ name });
}

/** Text of `profiles/<name>.nix` for a new layer. */
export function renderLayerFile(input: LayerFileInput): string {
  return renderNix(customLayer(input));
}

/** hosts/<name>.nix: what differs on that host; scalars use lib.mkForce. */
export function hostModule(spec: HomeSpec, name: string): NixExpr {
  const rank: Rank = "host";
  const host = own(spec.hosts, name);
  const uses = (layer: string) => (host?.layers ?? spec.layers).includes(layer);
  const shell = host?.shell ?? spec.shell;
  const packages = own(HOST_PACKAGES, name) ?? [];
  const what: Record<string, string> = {
    laptop: "Desktop-side tools for the laptop.",
    "work-server": "Cluster and cloud tools for work.",
    "cloud-instance": "A cloud instance stays lean: nothing beyond the layers below.",
  };
  return moduleFn(
    [
      n.bind("home.packages", packageList(packages), {
        comment: `${own(what, name) ?? `What only ${name} gets.`}\nScalars here use lib.mkForce: a host beats every layer below it.`,
      }),
      name === "cloud-instance" && shell === "zsh" && uses("personal")
        ? n.bind("programs.zsh.oh-my-zsh.enable", scalar(rank, false), {
            gap: true,
            comment: "A plain zsh starts faster.",
          })
        : null,
    ],
    // The comment tells the reader to use lib.mkForce; pkgs is for packages.
    { args: ["pkgs", "lib"] },
  );
}

/** Text of `hosts/<name>.nix` for a host of the spec. */
export function renderHostFile(spec: HomeSpec, name: string): string {
  return renderNix(hostModule(spec, name));
}

/**
 * home.nix (templates/home/home.nix) as an expression, for the option checks;
 * a test keeps the two in step.
 */
export function identityModule(): NixExpr {
  return moduleFn([
    n.bind("home.username", n.ref("nixhome.username")),
    n.bind("home.homeDirectory", n.ref("nixhome.homeDirectory")),
    n.bind("home.stateVersion", n.ref("nixhome.stateVersion")),
  ]);
}
