export { type CanonOptions, canonical, canonicalOfNixOutput } from "./canon.js";
export { type ParseOptions, parseNix, tryParseNix } from "./parser.js";
export { stringParts, stringValue, type ValuePart } from "./strings.js";
export * from "./syntax.js";
