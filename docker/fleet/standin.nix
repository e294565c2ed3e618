# The stand-in generation of the container tier (fleet-cache.sh): what CI
# would build for a configuration, made here by Debian's Nix with a /bin/sh
# builder and no nixpkgs. Its `activate` drops files in $HOME. It does NOT
# prove Home Manager's activation (profiles, links, services); the network
# tier's real switch does that.
{ system }:
let
  files = derivation {
    name = "home-files";
    inherit system;
    builder = "/bin/sh";
    PATH = "/usr/bin:/bin";
    args = [
      "-c"
      ''
        mkdir -p $out
        echo "hello from the stand-in generation" > $out/hello.txt
        i=0
        while [ $i -lt 20000 ]; do
          echo "line $i of the payload a real generation would carry"
          i=$((i + 1))
        done > $out/payload.txt
      ''
    ];
  };
in
derivation {
  name = "home-manager-generation";
  inherit system;
  builder = "/bin/sh";
  PATH = "/usr/bin:/bin";
  args = [
    "-c"
    ''
      mkdir -p $out
      cat > $out/activate <<EOF
      #!/bin/sh
      set -eu
      mkdir -p "\$HOME/.config/nixhome"
      cp ${files}/hello.txt "\$HOME/.config/nixhome/hello.txt"
      ln -sfn ${files}/payload.txt "\$HOME/.config/nixhome/payload.txt"
      echo $out > "\$HOME/.config/nixhome/generation"
      EOF
      chmod +x $out/activate
    ''
  ];
}
