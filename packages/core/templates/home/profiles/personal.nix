{
  pkgs,
  lib,
  nixhome,
  ...
}:
let
  # "editor" in nixhome.json picks the command $EDITOR and git run.
  editors = {
    vim = "vim";
    vscode = "code --wait";
  };
  editor = editors.${nixhome.editor};
in
{
  # Your git identity and preferences (written to ~/.config/git/config); name and
  # email are "user" in nixhome.json (a host there may set its own).
  programs.git.settings = {
    user.name = nixhome.user.name;
    user.email = nixhome.user.email;
    core.editor = editor;
    pull.rebase = false;
  };

  # Your own scripts.
  home.sessionPath = [ "$HOME/.local/bin" ];
  home.sessionVariables.EDITOR = editor;

  programs.zsh.oh-my-zsh = lib.mkIf (nixhome.shell == "zsh") {
    enable = true;
    plugins = [
      "git"
      "docker"
    ];
    theme = "robbyrussell";
  };

  # Your editor: "editor" in nixhome.json. VS Code is unfree: flake.nix allows it
  # by exact name when it is the editor, never all unfree software.
  programs.vscode.enable = nixhome.editor == "vscode";
  home.packages = lib.optional (nixhome.editor == "vim") pkgs.vim;
}
