/**
 * Every language preset, sorted by id, three ways: whole (`presets`), as shells alone
 * (`presetShells`, all project templates need: a bundle using only these leaves the rest
 * out) and the nixpkgs evidence of each (`presetEvidence`, read by the tests).
 * A language is one file in this folder plus its line here and in each list below.
 */
import type { Evidence, Preset, PresetShell } from "../preset.js";
import { ansible, evidence as ansibleEvidence, shellPart as ansibleShell } from "./ansible.js";
import { bun, evidence as bunEvidence, shellPart as bunShell } from "./bun.js";
import { cCpp, evidence as cCppEvidence, shellPart as cCppShell } from "./c-cpp.js";
import { clojure, evidence as clojureEvidence, shellPart as clojureShell } from "./clojure.js";
import {
  commonLisp,
  evidence as commonLispEvidence,
  shellPart as commonLispShell,
} from "./common-lisp.js";
import { crystal, evidence as crystalEvidence, shellPart as crystalShell } from "./crystal.js";
import { csharp, evidence as csharpEvidence, shellPart as csharpShell } from "./csharp.js";
import { cue, evidence as cueEvidence, shellPart as cueShell } from "./cue.js";
import { d, evidence as dEvidence, shellPart as dShell } from "./d.js";
import { dart, evidence as dartEvidence, shellPart as dartShell } from "./dart.js";
import { deno, evidence as denoEvidence, shellPart as denoShell } from "./deno.js";
import { dhall, evidence as dhallEvidence, shellPart as dhallShell } from "./dhall.js";
import { elixir, evidence as elixirEvidence, shellPart as elixirShell } from "./elixir.js";
import { elm, evidence as elmEvidence, shellPart as elmShell } from "./elm.js";
import { erlang, evidence as erlangEvidence, shellPart as erlangShell } from "./erlang.js";
import { flutter, evidence as flutterEvidence, shellPart as flutterShell } from "./flutter.js";
import { fortran, evidence as fortranEvidence, shellPart as fortranShell } from "./fortran.js";
import { fsharp, evidence as fsharpEvidence, shellPart as fsharpShell } from "./fsharp.js";
import { gleam, evidence as gleamEvidence, shellPart as gleamShell } from "./gleam.js";
import { go, evidence as goEvidence, shellPart as goShell } from "./go.js";
import { hashi, evidence as hashiEvidence, shellPart as hashiShell } from "./hashi.js";
import { haskell, evidence as haskellEvidence, shellPart as haskellShell } from "./haskell.js";
import { haxe, evidence as haxeEvidence, shellPart as haxeShell } from "./haxe.js";
import { idris2, evidence as idris2Evidence, shellPart as idris2Shell } from "./idris2.js";
import { janet, evidence as janetEvidence, shellPart as janetShell } from "./janet.js";
import { java, evidence as javaEvidence, shellPart as javaShell } from "./java.js";
import { julia, evidence as juliaEvidence, shellPart as juliaShell } from "./julia.js";
import { jupyter, evidence as jupyterEvidence, shellPart as jupyterShell } from "./jupyter.js";
import { kotlin, evidence as kotlinEvidence, shellPart as kotlinShell } from "./kotlin.js";
import {
  kubernetes,
  evidence as kubernetesEvidence,
  shellPart as kubernetesShell,
} from "./kubernetes.js";
import { latex, evidence as latexEvidence, shellPart as latexShell } from "./latex.js";
import { lean4, evidence as lean4Evidence, shellPart as lean4Shell } from "./lean4.js";
import { lua, evidence as luaEvidence, shellPart as luaShell } from "./lua.js";
import { markdown, evidence as markdownEvidence, shellPart as markdownShell } from "./markdown.js";
import { mysql, evidence as mysqlEvidence, shellPart as mysqlShell } from "./mysql.js";
import { nickel, evidence as nickelEvidence, shellPart as nickelShell } from "./nickel.js";
import { nim, evidence as nimEvidence, shellPart as nimShell } from "./nim.js";
import { nix, evidence as nixEvidence, shellPart as nixShell } from "./nix.js";
import { node, evidence as nodeEvidence, shellPart as nodeShell } from "./node.js";
import { ocaml, evidence as ocamlEvidence, shellPart as ocamlShell } from "./ocaml.js";
import { odin, evidence as odinEvidence, shellPart as odinShell } from "./odin.js";
import { opa, evidence as opaEvidence, shellPart as opaShell } from "./opa.js";
import { perl, evidence as perlEvidence, shellPart as perlShell } from "./perl.js";
import { php, evidence as phpEvidence, shellPart as phpShell } from "./php.js";
import {
  platformio,
  evidence as platformioEvidence,
  shellPart as platformioShell,
} from "./platformio.js";
import { postgres, evidence as postgresEvidence, shellPart as postgresShell } from "./postgres.js";
import { protobuf, evidence as protobufEvidence, shellPart as protobufShell } from "./protobuf.js";
import { pulumi, evidence as pulumiEvidence, shellPart as pulumiShell } from "./pulumi.js";
import {
  purescript,
  evidence as purescriptEvidence,
  shellPart as purescriptShell,
} from "./purescript.js";
import { python, evidence as pythonEvidence, shellPart as pythonShell } from "./python.js";
import { r, evidence as rEvidence, shellPart as rShell } from "./r.js";
import { racket, evidence as racketEvidence, shellPart as racketShell } from "./racket.js";
import { redis, evidence as redisEvidence, shellPart as redisShell } from "./redis.js";
import { ruby, evidence as rubyEvidence, shellPart as rubyShell } from "./ruby.js";
import { rust, evidence as rustEvidence, shellPart as rustShell } from "./rust.js";
import { scala, evidence as scalaEvidence, shellPart as scalaShell } from "./scala.js";
import { shell, evidence as shellEvidence, shellPart as shellShell } from "./shell.js";
import { solidity, evidence as solidityEvidence, shellPart as solidityShell } from "./solidity.js";
import {
  swiProlog,
  evidence as swiPrologEvidence,
  shellPart as swiPrologShell,
} from "./swi-prolog.js";
import { swift, evidence as swiftEvidence, shellPart as swiftShell } from "./swift.js";
import { typst, evidence as typstEvidence, shellPart as typstShell } from "./typst.js";
import { verilog, evidence as verilogEvidence, shellPart as verilogShell } from "./verilog.js";
import { vlang, evidence as vlangEvidence, shellPart as vlangShell } from "./vlang.js";
import { zig, evidence as zigEvidence, shellPart as zigShell } from "./zig.js";

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
  mysql,
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
  redis,
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

export const presetShells: readonly PresetShell[] = [
  ansibleShell,
  bunShell,
  cCppShell,
  clojureShell,
  commonLispShell,
  crystalShell,
  csharpShell,
  cueShell,
  dShell,
  dartShell,
  denoShell,
  dhallShell,
  elixirShell,
  elmShell,
  erlangShell,
  flutterShell,
  fortranShell,
  fsharpShell,
  gleamShell,
  goShell,
  hashiShell,
  haskellShell,
  haxeShell,
  idris2Shell,
  janetShell,
  javaShell,
  juliaShell,
  jupyterShell,
  kotlinShell,
  kubernetesShell,
  latexShell,
  lean4Shell,
  luaShell,
  markdownShell,
  mysqlShell,
  nickelShell,
  nimShell,
  nixShell,
  nodeShell,
  ocamlShell,
  odinShell,
  opaShell,
  perlShell,
  phpShell,
  platformioShell,
  postgresShell,
  protobufShell,
  pulumiShell,
  purescriptShell,
  pythonShell,
  rShell,
  racketShell,
  redisShell,
  rubyShell,
  rustShell,
  scalaShell,
  shellShell,
  solidityShell,
  swiPrologShell,
  swiftShell,
  typstShell,
  verilogShell,
  vlangShell,
  zigShell,
];

/** Evidence by preset id: which nixpkgs file defines each attribute the preset uses. */
export const presetEvidence: Readonly<Record<string, Evidence>> = {
  ansible: ansibleEvidence,
  bun: bunEvidence,
  "c-cpp": cCppEvidence,
  clojure: clojureEvidence,
  "common-lisp": commonLispEvidence,
  crystal: crystalEvidence,
  csharp: csharpEvidence,
  cue: cueEvidence,
  d: dEvidence,
  dart: dartEvidence,
  deno: denoEvidence,
  dhall: dhallEvidence,
  elixir: elixirEvidence,
  elm: elmEvidence,
  erlang: erlangEvidence,
  flutter: flutterEvidence,
  fortran: fortranEvidence,
  fsharp: fsharpEvidence,
  gleam: gleamEvidence,
  go: goEvidence,
  hashi: hashiEvidence,
  haskell: haskellEvidence,
  haxe: haxeEvidence,
  idris2: idris2Evidence,
  janet: janetEvidence,
  java: javaEvidence,
  julia: juliaEvidence,
  jupyter: jupyterEvidence,
  kotlin: kotlinEvidence,
  kubernetes: kubernetesEvidence,
  latex: latexEvidence,
  lean4: lean4Evidence,
  lua: luaEvidence,
  markdown: markdownEvidence,
  mysql: mysqlEvidence,
  nickel: nickelEvidence,
  nim: nimEvidence,
  nix: nixEvidence,
  node: nodeEvidence,
  ocaml: ocamlEvidence,
  odin: odinEvidence,
  opa: opaEvidence,
  perl: perlEvidence,
  php: phpEvidence,
  platformio: platformioEvidence,
  postgres: postgresEvidence,
  protobuf: protobufEvidence,
  pulumi: pulumiEvidence,
  purescript: purescriptEvidence,
  python: pythonEvidence,
  r: rEvidence,
  racket: racketEvidence,
  redis: redisEvidence,
  ruby: rubyEvidence,
  rust: rustEvidence,
  scala: scalaEvidence,
  shell: shellEvidence,
  solidity: solidityEvidence,
  "swi-prolog": swiPrologEvidence,
  swift: swiftEvidence,
  typst: typstEvidence,
  verilog: verilogEvidence,
  vlang: vlangEvidence,
  zig: zigEvidence,
};
