# Values of a shape Home Manager deprecated: reported with its own message,
# left as they are (rewriting them means choosing the new shape).
{ ... }:
{
  programs.helix.languages = [
    {
      name = "nix";
      auto-format = true;
    }
  ];
  services.swayidle.events = [
    {
      event = "before-sleep";
      command = "swaylock";
    }
  ];
}
