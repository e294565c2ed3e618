import type { Preset } from "../preset.js";
import { ansible } from "./ansible.js";
import { bun } from "./bun.js";
import { cCpp } from "./c-cpp.js";
import { clojure } from "./clojure.js";
import { commonLisp } from "./common-lisp.js";
import { crystal } from "./crystal.js";
import { csharp } from "./csharp.js";
import { cue } from "./cue.js";
import { d } from "./d.js";
import { dart } from "./dart.js";
import { deno } from "./deno.js";
import { dhall } from "./dhall.js";
import { elixir } from "./elixir.js";
import { elm } from "./elm.js";
import { erlang } from "./erlang.js";
import { flutter } from "./flutter.js";
import { fortran } from "./fortran.js";
import { fsharp } from "./fsharp.js";
import { gleam } from "./gleam.js";
import { go } from "./go.js";
import { hashi } from "./hashi.js";
import { haskell } from "./haskell.js";
import { haxe } from "./haxe.js";
import { idris2 } from "./idris2.js";
import { janet } from "./janet.js";
import { java } from "./java.js";
import { julia } from "./julia.js";
import { jupyter } from "./jupyter.js";
import { kotlin } from "./kotlin.js";
import { kubernetes } from "./kubernetes.js";
import { latex } from "./latex.js";
import { lean4 } from "./lean4.js";
import { lua } from "./lua.js";
import { markdown } from "./markdown.js";
import { nickel } from "./nickel.js";
import { nim } from "./nim.js";
import { nix } from "./nix.js";
import { node } from "./node.js";
import { ocaml } from "./ocaml.js";
import { odin } from "./odin.js";
import { opa } from "./opa.js";
import { perl } from "./perl.js";
import { php } from "./php.js";
import { platformio } from "./platformio.js";
import { postgres } from "./postgres.js";
import { protobuf } from "./protobuf.js";
import { pulumi } from "./pulumi.js";
import { purescript } from "./purescript.js";
import { python } from "./python.js";
import { r } from "./r.js";
import { racket } from "./racket.js";
import { ruby } from "./ruby.js";
import { rust } from "./rust.js";
import { scala } from "./scala.js";
import { shell } from "./shell.js";
import { solidity } from "./solidity.js";
import { swiProlog } from "./swi-prolog.js";
import { swift } from "./swift.js";
import { typst } from "./typst.js";
import { verilog } from "./verilog.js";
import { vlang } from "./vlang.js";
import { zig } from "./zig.js";

/** Every language preset, sorted by id. Add a language by adding one file here. */
export const presets: readonly Preset[] = [
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
