// errcat parse [FILE]: a response body or `curl -i` capture read by errcat::json and
// explained.
#include <errcat/json.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace errcat::cli {

namespace {

struct parse_input_options {
  int status = 0;
  std::vector<std::string> headers;  // "Name: value"
  std::string file = "-";
  std::string format = "text";
};

// Whole responses are kilobytes; this only keeps a wrong file from filling memory.
constexpr std::size_t max_response_size = std::size_t{16} * 1024 * 1024;

// Says on standard error why `err` (read from `text`) explains nothing.
void report_unexplained(const error& err, std::string_view text, bool whole_response) {
  if (text.empty() ||
      (whole_response && err.code().empty() && err.raw_body().empty() && err.message().empty())) {
    std::cerr << "errcat: the response has no body, so no error code to explain\n";
  } else if (!err.code().empty()) {
    report_unknown_code(err.code());
  } else if (const std::size_t first = err.raw_body().find_first_not_of(" \t\r\n");
             first != std::string_view::npos && err.raw_body()[first] == '<') {
    std::cerr << "errcat: the body is not a JSON error but an HTML page, likely from a gateway "
                 "or proxy\n";
  } else if (!err.message().empty()) {
    std::cerr << "errcat: the body has no error code, and its message matches no documented "
                 "message\n";
  } else {
    std::cerr << "errcat: the body is not a JSON error (no \"error_code\" or \"error\" object)\n";
  }
}

// Explains a response body or `curl -i` capture; 1 unless its code is documented.
int run_parse(const parse_input_options& o, const terminal& t) {
  std::vector<http_header> headers;
  for (const std::string& h : o.headers) {
    const std::size_t colon = h.find(':');
    if (colon == std::string::npos || text::trim(std::string_view(h).substr(0, colon)).empty()) {
      std::cerr << "errcat parse: --header needs 'NAME: VALUE', not \"" << printable(h)
                << "\"\nRun 'errcat parse --help' for more information.\n";
      return exit_usage;
    }
    headers.push_back({text::trim(std::string_view(h).substr(0, colon)),
                       text::trim(std::string_view(h).substr(colon + 1))});
  }
  std::string why;
  const auto input = read_input(o.file, max_response_size, why);
  if (!input) {
    std::cerr << "errcat: " << why << '\n';
    return exit_not_found;
  }
  const std::string_view text = *input;
  const bool whole_response = text.starts_with("HTTP/");
  if (whole_response && (o.status != 0 || !headers.empty())) {
    std::cerr << "errcat parse: the input is a whole response with its own status line and "
                 "headers; --status and --header are for a bare body\n";
    return exit_usage;
  }
  const error err =
      whole_response ? parse_http_message(text) : parse_response(o.status, text, headers);

  if (o.format == "json") {
    std::cout << dump(error_json(err)) << '\n';
  } else if (const auto style = body_style_named(o.format)) {
    std::cout << to_body(err, *style) << '\n';
  } else if (!text.empty() && (err.known() || !err.code().empty() || !err.message().empty() ||
                               !err.raw_body().empty())) {
    write_error(std::cout, t, err);
  }
  if (err.known()) {
    if (!err.raw_body().empty()) {
      std::cerr << "errcat: warning: the body is not complete JSON; the error was salvaged "
                   "from its \"key\": \"value\" pairs\n";
    }
    return exit_ok;
  }
  report_unexplained(err, text, whole_response);
  return exit_not_found;
}

}  // namespace

void add_parse_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<parse_input_options>();
  CLI::App* cmd = app.add_subcommand("parse", "Explain an error response body");
  cmd->add_option("FILE", o->file, "A body or a 'curl -i' capture; - is stdin")->type_name("");
  cmd->add_option("--status", o->status, "The HTTP status the body came with")
      ->type_name("N")
      ->check(CLI::Range(100, 599).description(""));
  cmd->add_option("-H,--header", o->headers, "A response header (repeatable)")
      ->type_name("'NAME: VALUE'")
      ->allow_extra_args(false);  // one value per -H, so a following FILE stays a FILE
  cmd->add_option("--format", o->format, "text, json, or a body style to rewrite it in")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "huawei", "keystone", "combined", "problem", "google"})
                  .description(""));
  cmd->footer(
      "Body styles: huawei, keystone, combined, problem, google\n"
      "Example: curl -si URL | errcat parse");
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_parse(*o, t); }; });
}

}  // namespace errcat::cli
