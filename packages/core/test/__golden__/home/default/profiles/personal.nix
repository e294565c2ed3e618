{ pkgs, ... }:
{
  # Your git identity and preferences (written to ~/.config/git/config).
  programs.git.settings = {
    user.name = "Big Boss";
    user.email = "bigboss@metalrodeo.xyz";
    core.editor = "vim";
    pull.rebase = false;
  };

  # Your own scripts.
  home.sessionPath = [ "$HOME/.local/bin" ];
  home.sessionVariables.EDITOR = "vim";

  programs.zsh.oh-my-zsh = {
    enable = true;
    plugins = [
      "git"
      "docker"
    ];
    theme = "robbyrussell";
  };

  # Your editor.
  home.packages = with pkgs; [ vim ];
}
