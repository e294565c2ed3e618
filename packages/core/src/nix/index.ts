export * from "./ast.js";
export { n } from "./build.js";
export {
  attrName,
  isIdentifier,
  NIX_KEYWORDS,
  quoteString,
} from "./lexical.js";
export { type PrintOptions, renderNix } from "./printer.js";
export { type NixValue, type ToNixOptions, toNix } from "./to-nix.js";
