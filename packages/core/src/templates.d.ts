// Template files (packages/core/templates/**) are imported as text: tsup's
// `loader` bundles them into dist, vitest.config.ts reads them the same way.
declare module "*.nix" {
  const text: string;
  export default text;
}
declare module "*.md" {
  const text: string;
  export default text;
}
declare module "*.sh" {
  const text: string;
  export default text;
}
declare module "*.yml" {
  const text: string;
  export default text;
}
