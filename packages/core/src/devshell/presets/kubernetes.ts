import { definePreset, type Evidence, type Preset, type PresetShell } from "../preset.js";

/** What the dev shell holds (all a project template needs). */
export const shellPart: PresetShell = {
  id: "kubernetes",
  name: "Kubernetes",
  aliases: ["k8s", "kube", "kubectl", "helm"],
  packages: ["kubectl", "kubernetes-helm", "kustomize", "k9s", "kubeconform", "helm-ls"],
};

export const kubernetes: Preset = /* @__PURE__ */ definePreset(shellPart, {
  description: "kubectl, Helm, Kustomize, k9s, kubeconform and the Helm language server",
  markers: [
    { file: "Chart.yaml" },
    { file: "kustomization.yaml" },
    { file: "kustomization.yml" },
    { file: "helmfile.yaml" },
    { file: "skaffold.yaml" },
  ],
  watch: ["Chart.yaml", "Chart.lock", "kustomization.yaml"],
});

/** Where each attribute was checked in nixpkgs-unstable (read by the tests; not shipped at run time). */
export const evidence: Evidence = {
  kubectl: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/ku/kubectl/package.nix",
  "kubernetes-helm":
    "attributes.json (present); pkgs/applications/networking/cluster/helm/default.nix",
  kustomize: "NixOS/nixpkgs:pkgs/development/tools/kustomize/default.nix",
  k9s: "attributes.json (present); NixOS/nixpkgs:pkgs/by-name/k9/k9s/package.nix",
  kubeconform: "NixOS/nixpkgs:pkgs/by-name/ku/kubeconform/package.nix",
  "helm-ls": "NixOS/nixpkgs:pkgs/by-name/he/helm-ls/package.nix",
};
