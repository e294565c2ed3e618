import { type HomeSpec, parseHomeSpec } from "@nixhome/core";

/** A repository like the one the product is built for, with a hostile name. */
export const spec: HomeSpec = parseHomeSpec({
  version: 1,
  user: {
    name: 'Big "Boss" ${HOME}',
    email: "bigboss@metalrodeo.xyz",
    username: "bigboss",
    homeDirectory: "/home/bigboss",
  },
  system: "x86_64-linux",
  channel: "unstable",
  stateVersion: "26.05",
  shell: "zsh",
  editor: "vim",
  layers: ["base", "personal"],
  hosts: {
    laptop: { system: "x86_64-linux", layers: ["base", "personal"] },
    "work-server": {
      system: "x86_64-linux",
      layers: ["base", "personal"],
      user: { email: "boss@work.example" },
    },
    "cloud-instance": { system: "aarch64-linux", layers: ["base"] },
  },
  templates: ["python", "node", "rust"],
  allowUnfree: [],
  plop: true,
});
