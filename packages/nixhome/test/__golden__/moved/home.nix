{ pkgs, ... }:
{
  programs.git = {
    enable = true;
  };
  programs.delta.enable = true; # pretty diffs
  programs.delta.options = {
      features = "line-numbers";
    };
  programs.gh = {
    enable = true;
    settings.aliases.co = "pr checkout";
  };
}
