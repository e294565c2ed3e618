# ashell's TOML config wants snake_case keys; Home Manager renames camelCase
# ones under programs.ashell.settings (and warns on every switch).
{ ... }:
{
  programs.ashell = {
    enable = true;
    settings = {
      app_launcher_cmd = "fuzzel";
      position = "Top";
      modules = {
        left_side = [ "Workspaces" ];
        center = [ "WindowTitle" ];
      };
      # the clock, in 24 h
      clock.format_string = "%H:%M";
    };
  };
  programs.ashell.settings.truncate_title_after_length = 150;
}
