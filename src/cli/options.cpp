// Options several commands share, declared once so they read and check alike.
#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace errcat::cli {

CLI::Option* add_format_option(CLI::App& cmd, std::string& format,
                               const std::vector<std::string>& formats) {
  std::string help;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) help += i + 1 == formats.size() ? " or " : ", ";
    help += formats[i];
    if (i == 0 && formats.size() > 1) help += " (default)";
  }
  format = formats.front();
  return cmd.add_option("--format", format, help)
      ->type_name("FORMAT")
      ->check(CLI::IsMember(formats).description(""));
}

}  // namespace errcat::cli
