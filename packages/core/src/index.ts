export * from "./channels.js";
export * from "./cli/index.js";
export * from "./devshell/index.js";
export * from "./doctor/index.js";
export * from "./home/index.js";
export * from "./nix/index.js";
export * from "./parse/index.js";
export * from "./plan/index.js";
