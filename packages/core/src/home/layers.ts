/**
 * The module files of a home repository: home.nix (identity), the layers in
 * profiles/ and one file per host in hosts/. Each is built as an expression
 * and printed by the Nix printer; precedence follows `module.ts`.
 */
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { renderNix } from "../nix/printer.js";
import { moduleFn, packageList, type Rank, scalar } from "./module.js";
import { serviceFiles } from "./services.js";
import { HEADLESS_HOSTS, type HomeHost, type HomeSpec, type Shell } from "./spec.js";

/** Services every machine gets (services/*.nix, imported by base.nix; see services.ts). */
export const BASE_SERVICES: readonly string[] = [
  "docker (rootless on Linux, Colima on macOS) + docker-compose",
  "code-server",
];
/** What a host adds, by host name. */
export const HOST_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  laptop: ["gh", "lazygit", "ripgrep", "fd", "bat", "btop"],
  "work-server": ["kubectl", "awscli2"],
  "cloud-instance": [],
};
export const SHELL_ALIASES: Readonly<Record<string, string>> = { ll: "ls -la", "..": "cd .." };
export const OH_MY_ZSH = { plugins: ["git", "docker"], theme: "robbyrussell" } as const;

const EDITOR_COMMAND = { vim: "vim", vscode: "code --wait" } as const;

function shellBinding(shell: Shell, rank: Rank) {
  return n.bind(
    `programs.${shell}`,
    n.attrs([
      n.bind("enable", scalar(rank, true)),
      n.bind(
        "shellAliases",
        n.attrs(Object.entries(SHELL_ALIASES).map(([k, v]) => n.bind([k], scalar(rank, v)))),
      ),
    ]),
    {
      gap: true,
      comment: `The interactive shell (${shell}); set it as your login shell with chsh.`,
    },
  );
}

/** profiles/base.nix: tools and programs every machine gets; every scalar is lib.mkDefault. */
export function baseLayer(spec: HomeSpec): NixExpr {
  const rank: Rank = "base";
  return moduleFn([
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
    shellBinding(spec.shell, rank),
    spec.shell === "fish"
      ? n.bind(
          "programs.man.generateCaches",
          n.call(
            "lib.mkIf",
            n.op("==", n.ref("config.programs.man.package"), n.null()),
            n.call("lib.mkOverride", 900, false),
          ),
          {
            gap: true,
            comment:
              "The fish module turns on man caches; without a man package (macOS, stateVersion\n26.05+: the system's man) they have nothing to index. Priority 900 beats that\nmodule's mkDefault and still yields to any layer above.",
          },
        )
      : null,
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
  ]);
}

/** profiles/personal.nix: who you are and how you like things; plain definitions. */
export function personalLayer(spec: HomeSpec): NixExpr {
  const rank: Rank = "layer";
  const editor = EDITOR_COMMAND[spec.editor];
  return moduleFn([
    n.bind(
      "programs.git.settings",
      n.attrs([
        n.bind("user.name", scalar(rank, spec.user.name)),
        n.bind("user.email", scalar(rank, spec.user.email)),
        n.bind("core.editor", scalar(rank, editor)),
        n.bind("pull.rebase", scalar(rank, false)),
      ]),
      { comment: "Your git identity and preferences (written to ~/.config/git/config)." },
    ),
    n.bind("home.sessionPath", n.list(["$HOME/.local/bin"]), {
      gap: true,
      comment: "Your own scripts.",
    }),
    n.bind("home.sessionVariables.EDITOR", scalar(rank, editor)),
    spec.shell === "zsh"
      ? n.bind(
          "programs.zsh.oh-my-zsh",
          n.attrs([
            n.bind("enable", scalar(rank, true)),
            n.bind("plugins", n.list([...OH_MY_ZSH.plugins])),
            n.bind("theme", scalar(rank, OH_MY_ZSH.theme)),
          ]),
          { gap: true },
        )
      : null,
    spec.editor === "vscode"
      ? n.bind("programs.vscode.enable", scalar(rank, true), {
          gap: true,
          comment:
            "VS Code is unfree: flake.nix allows exactly the packages listed in\nnixhome.json's allowUnfree (here: vscode), never all unfree software.",
        })
      : n.bind("home.packages", packageList(["vim"]), { gap: true, comment: "Your editor." }),
  ]);
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
  const host = spec.hosts[name] as HomeHost | undefined;
  const uses = (layer: string) => (host?.layers ?? spec.layers).includes(layer);
  // No desktop: a GUI editor chosen in the personal layer is replaced by vim.
  const noGui = HEADLESS_HOSTS.includes(name) && spec.editor === "vscode" && uses("personal");
  const packages = [...(HOST_PACKAGES[name] ?? []), ...(noGui ? ["vim"] : [])];
  const what: Record<string, string> = {
    laptop: "Desktop-side tools for the laptop.",
    "work-server": "Cluster and cloud tools for work.",
    "cloud-instance": "A cloud instance stays lean: nothing beyond the layers below.",
  };
  return moduleFn([
    n.bind("home.packages", packages.length ? packageList(packages) : n.list([]), {
      comment: `${what[name] ?? `What only ${name} gets.`}\nScalars here use lib.mkForce: a host beats every layer below it.`,
    }),
    host?.email
      ? n.bind("programs.git.settings.user.email", scalar(rank, host.email), {
          gap: true,
          comment: `Another git email on ${name}.`,
        })
      : null,
    ...(noGui
      ? [
          n.bind("programs.vscode.enable", scalar(rank, false), {
            gap: true,
            comment: "No desktop here: vim instead of VS Code.",
          }),
          n.bind("programs.git.settings.core.editor", scalar(rank, "vim")),
          n.bind("home.sessionVariables.EDITOR", scalar(rank, "vim")),
        ]
      : []),
    name === "cloud-instance" && spec.shell === "zsh" && uses("personal")
      ? n.bind("programs.zsh.oh-my-zsh.enable", scalar(rank, false), {
          gap: true,
          comment: "A plain zsh starts faster.",
        })
      : null,
  ]);
}

/** Text of `hosts/<name>.nix` for a host of the spec. */
export function renderHostFile(spec: HomeSpec, name: string): string {
  return renderNix(hostModule(spec, name));
}

/** home.nix: the identity every configuration starts from (values from nixhome.json). */
export function identityModule(): NixExpr {
  return moduleFn([
    n.bind("home.username", n.ref("nixhome.username"), {
      comment:
        "Who this configuration is for. flake.nix passes these from nixhome.json\n(a host there may name another account); the layers in profiles/ and\nhosts/ add everything else.",
    }),
    n.bind("home.homeDirectory", n.ref("nixhome.homeDirectory")),
    n.bind("home.stateVersion", n.ref("nixhome.stateVersion"), {
      gap: true,
      comment:
        "The Home Manager release whose defaults this configuration was first written\nagainst. Keep it when you update; read the release notes before changing it.",
    }),
  ]);
}
