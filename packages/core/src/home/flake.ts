/**
 * flake.nix of a home repository. It is generic: everything that varies
 * (identity, layers, hosts, templates, unfree allowances) is read from
 * nixhome.json at evaluation time, so generators add a layer, a host or a
 * template by writing one `.nix` file and editing the JSON — never this file.
 * Only the channel (input URLs and supported systems) is written into it.
 */
import { CHANNELS } from "../channels.js";
import type { NixExpr } from "../nix/ast.js";
import { n } from "../nix/build.js";
import { importNixpkgs } from "../nixpkgs-import.js";
import type { ChannelId } from "./spec.js";

const id = n.id;
const ref = n.ref;

/** `./dir + "/${name}.nix"`: a file chosen by name, inside the flake's source. */
function fileIn(dir: string, name: NixExpr): NixExpr {
  return n.op("+", n.path(dir), n.interp`/${name}.nix`);
}

export function flakeExpr(channelId: ChannelId): NixExpr {
  const channel = CHANNELS[channelId];
  const lib = (fn: string, ...args: Parameters<typeof n.call>[1][]) => n.call(`lib.${fn}`, ...args);

  const pkgsFor = lib(
    "genAttrs",
    id("systems"),
    n.lambda("system", importNixpkgs({ lib: "lib", allowed: ref("spec.allowUnfree") })),
  );

  const entry = n.lambda(
    "host",
    n.let(
      [
        n.bind(
          "h",
          n.if(
            n.op("==", id("host"), n.null()),
            n.attrs([]),
            n.select(id("spec"), ["hosts", id("host")]),
          ),
        ),
        n.bind("username", n.select(id("h"), "username", ref("spec.user.username"))),
      ],
      n.attrs([
        n.bind(
          "name",
          n.if(
            n.op("==", id("host"), n.null()),
            id("username"),
            n.interp`${id("username")}@${id("host")}`,
          ),
        ),
        n.bind(
          "value",
          n.attrs([
            n.inherit(["host", "username"]),
            n.bind("system", n.select(id("h"), "system", ref("spec.system"))),
            n.bind("layers", n.select(id("h"), "layers", ref("spec.layers"))),
            n.bind(
              "homeDirectory",
              n.select(id("h"), "homeDirectory", ref("spec.user.homeDirectory")),
            ),
            n.bind("docker", n.select(id("h"), "docker", n.select(id("spec"), "docker", true))),
            n.bind(
              "codeServer",
              n.op(
                "//",
                n.select(id("spec"), "codeServer", n.attrs([])),
                n.select(id("h"), "codeServer", n.attrs([])),
              ),
            ),
          ]),
        ),
      ]),
    ),
  );

  const mkHome = n.lambda(
    "c",
    n.call(
      "home-manager.lib.homeManagerConfiguration",
      n.attrs([
        n.bind("pkgs", n.select(id("pkgsFor"), [n.ref("c.system")])),
        n.bind(
          "modules",
          n.concat(
            n.list([n.path("./home.nix")]),
            n.call("map", n.lambda("layer", fileIn("./profiles", id("layer"))), ref("c.layers")),
            lib("optional", n.op("!=", ref("c.host"), n.null()), fileIn("./hosts", ref("c.host"))),
          ),
        ),
        n.bind(
          "extraSpecialArgs.nixhome",
          n.attrs([
            n.inherit(["username", "homeDirectory", "host", "docker", "codeServer"], id("c")),
            n.inherit(["stateVersion"], id("spec")),
          ]),
        ),
      ]),
    ),
  );

  const forEachSystem = (param: string, body: NixExpr) =>
    n.call("forEachSystem", n.lambda(param, body));

  const outputs = n.fn(
    ["nixpkgs", "home-manager"],
    n.let(
      [
        n.inherit(["lib"], id("nixpkgs")),
        n.bind(
          "spec",
          n.call("builtins.fromJSON", n.call("builtins.readFile", n.path("./nixhome.json"))),
          {
            gap: true,
            comment:
              "Everything that varies is data in nixhome.json: who you are, the layers, the hosts,\nthe project templates. Edit it (or run `npx plop`); this file stays as it is.",
          },
        ),
        n.bind("systems", n.list(channel.systems.map((s) => n.str(s)))),
        n.bind("pkgsFor", pkgsFor, {
          gap: true,
          comment:
            "nixpkgs for each system. Unfree packages are refused, except those nixhome.json\nlists in allowUnfree, by exact name.",
        }),
        n.bind(
          "forEachSystem",
          n.lambda(
            "f",
            lib(
              "genAttrs",
              id("systems"),
              n.lambda("system", n.call("f", n.select(id("pkgsFor"), [id("system")]))),
            ),
          ),
        ),
        n.bind("entry", entry, {
          gap: true,
          comment:
            'Configurations by name: "<user>" stacks the default layers; each host adds\n"<user>@<host>", the name `home-manager switch --flake .` looks up first.',
        }),
        n.bind(
          "configs",
          n.call(
            "builtins.listToAttrs",
            n.call(
              "map",
              id("entry"),
              n.concat(n.list([n.null()]), n.call("builtins.attrNames", ref("spec.hosts"))),
            ),
          ),
        ),
        n.bind("mkHome", mkHome, {
          gap: true,
          comment:
            "home.nix, then each layer in order, then the host file: a later module's scalar\nwins (see README.md); lists and attribute sets merge.",
        }),
        n.bind("homeConfigurations", lib("mapAttrs", n.lambda("_", id("mkHome")), id("configs"))),
      ],
      n.attrs([
        n.inherit(["homeConfigurations"]),
        n.bind(
          "devShells",
          forEachSystem(
            "pkgs",
            lib(
              "genAttrs",
              ref("spec.templates"),
              n.lambda(
                "lang",
                n.call(
                  "import",
                  fileIn("./profiles/project-templates", id("lang")),
                  n.attrs([n.inherit(["pkgs"])]),
                ),
              ),
            ),
          ),
          {
            gap: true,
            comment:
              "Project templates: `nix develop <this repo>#<lang>`, on this repo's nixpkgs pin.",
          },
        ),
        n.bind("formatter", forEachSystem("pkgs", ref("pkgs.nixfmt")), { gap: true }),
        n.bind(
          "checks",
          lib(
            "genAttrs",
            id("systems"),
            n.lambda(
              "system",
              lib(
                "mapAttrs",
                n.lambda("_", n.lambda("home", ref("home.activationPackage"))),
                lib(
                  "filterAttrs",
                  n.lambda(
                    "name",
                    n.lambda(
                      "_",
                      n.op("==", n.select(id("configs"), [id("name"), "system"]), id("system")),
                    ),
                  ),
                  id("homeConfigurations"),
                ),
              ),
            ),
          ),
          {
            gap: true,
            comment: "`nix flake check` builds every configuration of the system it runs on.",
          },
        ),
      ]),
    ),
    { ellipsis: true },
  );

  return n.attrs([
    n.bind("description", "Home Manager configuration in layers: base, personal, host"),
    n.bind(
      "inputs",
      n.attrs([
        n.bind("nixpkgs.url", channel.nixpkgs),
        n.bind(
          "home-manager",
          n.attrs([
            n.bind("url", channel.homeManager),
            n.bind("inputs.nixpkgs.follows", "nixpkgs"),
          ]),
        ),
      ]),
      { gap: true },
    ),
    n.bind("outputs", outputs, { gap: true }),
  ]);
}
