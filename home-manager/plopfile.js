// Generators for this repository: `npx plop profile`, `npx plop host`, `npx plop template`.
// They edit nixhome.json and add one .nix file; flake.nix reads the JSON and never changes.
export default async function (plop) {
  await plop.load("@nixhome/plop");
}
