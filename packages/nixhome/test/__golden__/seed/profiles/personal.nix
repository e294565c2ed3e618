# Personal layer: who I am and how my shell behaves.
{ config, pkgs, ... }:
{
  programs.git = {
    enable = true;
    settings = {
      user.name = "Ada Lovelace";
      user.email = "ada@example.com";
      init.defaultBranch = "main";
      pull.rebase = true;
    };
  };

  programs.zsh = {
    enable = true;
    initContent = ''
      # keep emacs keys
      bindkey -e
      export PATH="$HOME/.local/bin:$PATH"
    '';
  };
}
