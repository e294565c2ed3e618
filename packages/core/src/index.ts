export * from "./channels.js";
export * from "./cli/index.js";
export * from "./devshell/index.js";
export * from "./home/index.js";
export * from "./nix/index.js";
export * from "./own.js";
export * from "./plan/index.js";
