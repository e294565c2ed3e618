// Template files bundled as text: tsup's `loader` (tsup.config.ts) and the
// `textFiles` plugin of vitest.config.ts turn `import x from "./f.sh"` into a string.
declare module "*.sh" {
  const text: string;
  export default text;
}
declare module "*.yml" {
  const text: string;
  export default text;
}
