/**
 * The shell side of every preset (no detection data, descriptions or evidence):
 * what project templates need, so a bundle that only renders shells stays small.
 */
import type { PresetShell } from "../preset.js";
import { shellPart as ansible } from "./ansible.js";
import { shellPart as bun } from "./bun.js";
import { shellPart as cCpp } from "./c-cpp.js";
import { shellPart as clojure } from "./clojure.js";
import { shellPart as commonLisp } from "./common-lisp.js";
import { shellPart as crystal } from "./crystal.js";
import { shellPart as csharp } from "./csharp.js";
import { shellPart as cue } from "./cue.js";
import { shellPart as d } from "./d.js";
import { shellPart as dart } from "./dart.js";
import { shellPart as deno } from "./deno.js";
import { shellPart as dhall } from "./dhall.js";
import { shellPart as elixir } from "./elixir.js";
import { shellPart as elm } from "./elm.js";
import { shellPart as erlang } from "./erlang.js";
import { shellPart as flutter } from "./flutter.js";
import { shellPart as fortran } from "./fortran.js";
import { shellPart as fsharp } from "./fsharp.js";
import { shellPart as gleam } from "./gleam.js";
import { shellPart as go } from "./go.js";
import { shellPart as hashi } from "./hashi.js";
import { shellPart as haskell } from "./haskell.js";
import { shellPart as haxe } from "./haxe.js";
import { shellPart as idris2 } from "./idris2.js";
import { shellPart as janet } from "./janet.js";
import { shellPart as java } from "./java.js";
import { shellPart as julia } from "./julia.js";
import { shellPart as jupyter } from "./jupyter.js";
import { shellPart as kotlin } from "./kotlin.js";
import { shellPart as kubernetes } from "./kubernetes.js";
import { shellPart as latex } from "./latex.js";
import { shellPart as lean4 } from "./lean4.js";
import { shellPart as lua } from "./lua.js";
import { shellPart as markdown } from "./markdown.js";
import { shellPart as nickel } from "./nickel.js";
import { shellPart as nim } from "./nim.js";
import { shellPart as nix } from "./nix.js";
import { shellPart as node } from "./node.js";
import { shellPart as ocaml } from "./ocaml.js";
import { shellPart as odin } from "./odin.js";
import { shellPart as opa } from "./opa.js";
import { shellPart as perl } from "./perl.js";
import { shellPart as php } from "./php.js";
import { shellPart as platformio } from "./platformio.js";
import { shellPart as postgres } from "./postgres.js";
import { shellPart as protobuf } from "./protobuf.js";
import { shellPart as pulumi } from "./pulumi.js";
import { shellPart as purescript } from "./purescript.js";
import { shellPart as python } from "./python.js";
import { shellPart as r } from "./r.js";
import { shellPart as racket } from "./racket.js";
import { shellPart as ruby } from "./ruby.js";
import { shellPart as rust } from "./rust.js";
import { shellPart as scala } from "./scala.js";
import { shellPart as shell } from "./shell.js";
import { shellPart as solidity } from "./solidity.js";
import { shellPart as swiProlog } from "./swi-prolog.js";
import { shellPart as swift } from "./swift.js";
import { shellPart as typst } from "./typst.js";
import { shellPart as verilog } from "./verilog.js";
import { shellPart as vlang } from "./vlang.js";
import { shellPart as zig } from "./zig.js";

export const presetShells: readonly PresetShell[] = [
  ansible,
  bun,
  cCpp,
  clojure,
  commonLisp,
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
  swiProlog,
  swift,
  typst,
  verilog,
  vlang,
  zig,
];
