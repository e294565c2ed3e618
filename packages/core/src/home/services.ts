/**
 * The user services of the base layer, one module file each under services/:
 * Docker (rootless dockerd on Linux, Colima on macOS) and code-server. Both read
 * their settings from the `nixhome` module argument (nixhome.json's top-level
 * `docker` / `codeServer` with the host's fields laid over), so a host turns a
 * service off in nixhome.json, never by editing a .nix file. They never vary:
 * template files (templates/home/services/), imported by profiles/base.nix.
 * See ADR docs/decisions/0012-services-user-daemons.md.
 */
import CODE_SERVER_TEMPLATE from "../../templates/home/services/code-server.nix";
import DOCKER_TEMPLATE from "../../templates/home/services/docker.nix";

/** A service module file: its path in the repository and its text. */
export interface ServiceFile {
  path: string;
  text: string;
}

/** The service module files base.nix imports, in import order. */
export const SERVICE_FILES: readonly ServiceFile[] = [
  { path: "services/docker.nix", text: DOCKER_TEMPLATE },
  { path: "services/code-server.nix", text: CODE_SERVER_TEMPLATE },
];
