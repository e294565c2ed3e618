/** Evidence of every preset, by preset id: which nixpkgs file defines each attribute it uses. */
import type { Evidence } from "../preset.js";
import { evidence as ansible } from "./ansible.js";
import { evidence as bun } from "./bun.js";
import { evidence as cCpp } from "./c-cpp.js";
import { evidence as clojure } from "./clojure.js";
import { evidence as commonLisp } from "./common-lisp.js";
import { evidence as crystal } from "./crystal.js";
import { evidence as csharp } from "./csharp.js";
import { evidence as cue } from "./cue.js";
import { evidence as d } from "./d.js";
import { evidence as dart } from "./dart.js";
import { evidence as deno } from "./deno.js";
import { evidence as dhall } from "./dhall.js";
import { evidence as elixir } from "./elixir.js";
import { evidence as elm } from "./elm.js";
import { evidence as erlang } from "./erlang.js";
import { evidence as flutter } from "./flutter.js";
import { evidence as fortran } from "./fortran.js";
import { evidence as fsharp } from "./fsharp.js";
import { evidence as gleam } from "./gleam.js";
import { evidence as go } from "./go.js";
import { evidence as hashi } from "./hashi.js";
import { evidence as haskell } from "./haskell.js";
import { evidence as haxe } from "./haxe.js";
import { evidence as idris2 } from "./idris2.js";
import { evidence as janet } from "./janet.js";
import { evidence as java } from "./java.js";
import { evidence as julia } from "./julia.js";
import { evidence as jupyter } from "./jupyter.js";
import { evidence as kotlin } from "./kotlin.js";
import { evidence as kubernetes } from "./kubernetes.js";
import { evidence as latex } from "./latex.js";
import { evidence as lean4 } from "./lean4.js";
import { evidence as lua } from "./lua.js";
import { evidence as markdown } from "./markdown.js";
import { evidence as nickel } from "./nickel.js";
import { evidence as nim } from "./nim.js";
import { evidence as nix } from "./nix.js";
import { evidence as node } from "./node.js";
import { evidence as ocaml } from "./ocaml.js";
import { evidence as odin } from "./odin.js";
import { evidence as opa } from "./opa.js";
import { evidence as perl } from "./perl.js";
import { evidence as php } from "./php.js";
import { evidence as platformio } from "./platformio.js";
import { evidence as postgres } from "./postgres.js";
import { evidence as protobuf } from "./protobuf.js";
import { evidence as pulumi } from "./pulumi.js";
import { evidence as purescript } from "./purescript.js";
import { evidence as python } from "./python.js";
import { evidence as r } from "./r.js";
import { evidence as racket } from "./racket.js";
import { evidence as ruby } from "./ruby.js";
import { evidence as rust } from "./rust.js";
import { evidence as scala } from "./scala.js";
import { evidence as shell } from "./shell.js";
import { evidence as solidity } from "./solidity.js";
import { evidence as swiProlog } from "./swi-prolog.js";
import { evidence as swift } from "./swift.js";
import { evidence as typst } from "./typst.js";
import { evidence as verilog } from "./verilog.js";
import { evidence as vlang } from "./vlang.js";
import { evidence as zig } from "./zig.js";

export const presetEvidence: Readonly<Record<string, Evidence>> = {
  ansible,
  bun,
  "c-cpp": cCpp,
  clojure,
  "common-lisp": commonLisp,
  crystal,
  csharp,
  cue,
  d,
  dart,
  deno,
  dhall,
  elixir,
  elm,
  erlang,
  flutter,
  fortran,
  fsharp,
  gleam,
  go,
  hashi,
  haskell,
  haxe,
  idris2,
  janet,
  java,
  julia,
  jupyter,
  kotlin,
  kubernetes,
  latex,
  lean4,
  lua,
  markdown,
  nickel,
  nim,
  nix,
  node,
  ocaml,
  odin,
  opa,
  perl,
  php,
  platformio,
  postgres,
  protobuf,
  pulumi,
  purescript,
  python,
  r,
  racket,
  ruby,
  rust,
  scala,
  shell,
  solidity,
  "swi-prolog": swiProlog,
  swift,
  typst,
  verilog,
  vlang,
  zig,
};
