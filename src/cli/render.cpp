// errcat render CODE NAME=VALUE...: a message or response body made by errcat::make, whose
// own usage errors (unknown or repeated parameter, text for an integer) are reported as is.
#include <errcat/json.hpp>
#include <errcat/make.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace errcat::cli {

namespace {

struct render_options {
  std::string code;
  std::vector<std::string> values;  // NAME=VALUE
  int status = 0;
  std::string format = "text";
  std::string instance;  // RFC 9457 `instance` of a problem body
};

// An integer parameter's value: digits with an optional minus sign, within 64 bits.
std::optional<param_value> parse_integer(std::string_view text) noexcept {
  const char* first = text.data();
  const char* last = text.data() + text.size();
  std::int64_t s = 0;
  if (auto [end, ec] = std::from_chars(first, last, s); ec == std::errc() && end == last) {
    return param_value(s);
  }
  std::uint64_t u = 0;
  if (auto [end, ec] = std::from_chars(first, last, u); ec == std::errc() && end == last) {
    return param_value(u);
  }
  return std::nullopt;
}

// Chooses the one entry `render` makes; reports why when there is none or more than one.
const entry* choose_entry(std::string_view code, int status) {
  const std::vector<const entry*> found = find_entries(status, code);
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    const std::vector<const entry*> elsewhere = status == 0 ? found : find_entries(0, code);
    if (elsewhere.empty()) {
      report_unknown_code(code);
    } else {
      std::cerr << "errcat: " << printable(code) << " is not documented under " << status
                << "; it is under " << elsewhere.front()->status << "\n";
    }
    return nullptr;
  }
  std::cerr << "errcat: " << printable(code) << " documents " << found.size() << " errors:";
  bool same_status = true;
  for (const entry* e : found) {
    std::cerr << ' ' << e->name << " (" << e->status << ")";
    same_status = same_status && e->status == found.front()->status;
  }
  std::cerr << "\n  pass " << (same_status ? "" : "--status, or ")
            << "the entry's name instead of the code: errcat render " << found.front()->name
            << " ...\n";
  return nullptr;
}

// NAME=VALUE arguments as make() takes them: a value that reads as an integer is one for
// an integer parameter; everything else is text, which make() judges.
std::optional<std::vector<named_arg>> named_args(const entry& e,
                                                 const std::vector<std::string>& values) {
  std::vector<named_arg> args;
  for (const std::string& v : values) {
    const std::size_t eq = v.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "errcat render: expected NAME=VALUE, not \"" << printable(v)
                << "\"\nRun 'errcat render --help' for more information.\n";
      return std::nullopt;
    }
    const std::string_view name = std::string_view(v).substr(0, eq);
    const std::string_view value = std::string_view(v).substr(eq + 1);
    const int i = e.param_index(name);
    std::optional<param_value> number;
    if (i >= 0 && e.params[static_cast<std::size_t>(i)].kind == param_kind::integer) {
      number = parse_integer(value);
    }
    args.push_back({name, number ? *number : param_value(value)});
  }
  return args;
}

// Warns about each parameter of `e` that `args` leaves without a value.
void warn_missing(const entry& e, const std::vector<named_arg>& args) {
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    const bool given = std::any_of(args.begin(), args.end(),
                                   [&](const named_arg& a) { return a.name == e.params[i].name; });
    if (!given) {
      std::cerr << "errcat: warning: no value for parameter \"" << e.params[i].name << "\" of "
                << e.code << "; its placeholder " << placeholder_of(e, i) << " stays\n";
    }
  }
}

// Writes the rendered message or response body; 1 for a wrong parameter or code.
int run_render(const render_options& o, const terminal& /*t: the output is data, uncoloured*/) {
  const entry* e = choose_entry(o.code, o.status);
  if (e == nullptr) return exit_not_found;
  const auto args = named_args(*e, o.values);
  if (!args) return exit_usage;
  error err;
  try {
    err = make(*e, *args);
  } catch (const usage_error& u) {
    std::cerr << printable(u.what()) << '\n';
    return exit_not_found;
  }
  warn_missing(*e, *args);
  // `json` is the Huawei body, what IAM itself sends; every other format names a body style.
  if (const auto style = body_style_named(o.format == "json" ? "huawei" : o.format)) {
    body_options options;
    options.instance = o.instance;
    std::cout << to_body(err, *style, options) << '\n';
  } else {
    std::cout << err.message() << '\n';
  }
  return exit_ok;
}

}  // namespace

void add_render_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<render_options>();
  CLI::App* cmd = app.add_subcommand("render", "Render a message or response body");
  cmd->add_option("CODE", o->code, "The code (or the entry's name)")->type_name("")->required();
  cmd->add_option("NAME=VALUE", o->values, "Parameter values by name")->type_name("");
  cmd->add_option("--status", o->status, "The status, for a code with several")
      ->type_name("N")
      ->check(CLI::Range(100, 599).description(""));
  cmd->add_option("--format", o->format, "text, json, keystone, combined, problem or google")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "huawei", "keystone", "combined", "problem", "google"})
                  .description(""));
  cmd->add_option("--instance", o->instance, "The instance URI of a problem body")
      ->type_name("URI");
  cmd->footer("Example: errcat render IAM.0004 target=user target_id=42");
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_render(*o, t); }; });
}

}  // namespace errcat::cli
