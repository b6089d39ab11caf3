// render and parse: making response bodies and reading them, through errcat::json.
#include <errcat/http_status.hpp>
#include <errcat/json.hpp>
#include <errcat/make.hpp>

#include <charconv>
#include <cstdint>
#include <iostream>

#include "cli.hpp"

namespace errcat::cli {

namespace {

// Whole responses are kilobytes; this only keeps a wrong file from filling memory.
constexpr std::size_t max_response_size = std::size_t{16} * 1024 * 1024;

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string parameter_list(const entry& e) {
  if (e.params.empty()) return "it has none";
  std::string r = "its parameters: ";
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    if (i > 0) r += ", ";
    r += e.params[i].name;
  }
  return r;
}

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

nlohmann::ordered_json error_json(const error& err) {
  nlohmann::ordered_json args = nlohmann::ordered_json::array();
  for (const argument& a : err.args()) {
    args.push_back({{"name", a.name}, {"kind", kind_name(a.kind)}, {"value", a.value}});
  }
  const entry* e = err.entry();
  nlohmann::ordered_json j = {
      {"known", err.known()},
      {"status", err.status()},
      {"reason", reason_phrase(err.status())},
      {"code", err.code()},
      {"name", err.name()},
      {"message", err.message()},
      {"args", std::move(args)},
      {"request_id", err.request_id()},
      {"encoded_authorization_message", err.encoded_authorization_message()},
      {"status_mismatch", err.status_mismatch()},
      {"raw_body", err.raw_body()}};
  j["entry"] = e != nullptr ? entry_json(*e) : nlohmann::ordered_json(nullptr);
  return j;
}

void write_error(std::ostream& out, const terminal& t, const error& err) {
  write_heading(out, t, err.status(), printable(err.code()),
                err.known() ? err.name() : std::string_view("(unknown code)"));
  if (!err.message().empty()) write_field(out, t, "Message", printable(err.message()));
  if (!err.args().empty()) {
    std::string list;
    for (const argument& a : err.args()) {
      if (!list.empty()) list += ", ";
      list += std::string(a.name) + " = " + printable(a.value);
    }
    write_field(out, t, "Parameters", list);
  }
  if (!err.request_id().empty()) write_field(out, t, "Request id", printable(err.request_id()));
  if (!err.encoded_authorization_message().empty()) {
    write_field(out, t, "Auth message", printable(err.encoded_authorization_message()));
  }
  if (err.status_mismatch()) {
    const int documented = err.entry()->status;
    write_field(out, t, "Status",
                t.paint(style::yellow, "received " + std::to_string(err.status()) +
                                           ", but documented under " + std::to_string(documented) +
                                           " " + std::string(reason_phrase(documented))));
  }
  if (!err.raw_body().empty()) {
    // A few lines of it say what it is (an HTML page, binary data); all of it is in --format json.
    constexpr std::size_t shown_lines = 4;
    const std::string body = printable(err.raw_body());
    write_field(out, t, "Body", truncate(body, shown_lines * (t.width > 35 ? t.width - 15 : 20)));
  }
  if (err.known()) write_entry_footer(out, t, *err.entry());
}

}  // namespace

int run_render(const render_options& o, const terminal& /*t: the output is data, uncoloured*/) {
  const entry* e = choose_entry(o.code, o.status);
  if (e == nullptr) return exit_not_found;

  std::vector<named_arg> args;
  std::vector<bool> given(e->params.size(), false);
  for (const std::string& v : o.values) {
    const std::size_t eq = v.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "errcat render: expected NAME=VALUE, not \"" << printable(v)
                << "\"\nRun 'errcat render --help' for more information.\n";
      return exit_usage;
    }
    const std::string_view name = std::string_view(v).substr(0, eq);
    const std::string_view value = std::string_view(v).substr(eq + 1);
    const int index = e->param_index(name);
    if (index < 0) {
      std::cerr << "errcat: " << e->code << " has no parameter \"" << printable(name) << "\" ("
                << parameter_list(*e) << ")\n";
      return exit_not_found;
    }
    const auto i = static_cast<std::size_t>(index);
    if (given[i]) {
      std::cerr << "errcat: parameter \"" << name << "\" is given twice\n";
      return exit_not_found;
    }
    given[i] = true;
    if (e->params[i].kind == param_kind::integer) {
      const auto number = parse_integer(value);
      if (!number) {
        std::cerr << "errcat: parameter \"" << name << "\" of " << e->code << " is an integer ("
                  << placeholder_of(*e, i) << "), not \"" << printable(value) << "\"\n";
        return exit_not_found;
      }
      args.push_back({e->params[i].name, *number});
    } else {
      args.push_back({e->params[i].name, value});
    }
  }
  for (std::size_t i = 0; i < e->params.size(); ++i) {
    if (!given[i]) {
      std::cerr << "errcat: warning: no value for parameter \"" << e->params[i].name << "\" of "
                << e->code << "; its placeholder " << placeholder_of(*e, i) << " stays\n";
    }
  }
  const error err = make(*e, args);
  if (const auto style = body_style_named(o.format == "json" ? "huawei" : o.format)) {
    std::cout << to_body(err, *style) << '\n';
  } else {
    std::cout << err.message() << '\n';
  }
  return exit_ok;
}

int run_parse(const parse_input_options& o, const terminal& t) {
  std::vector<http_header> headers;
  for (const std::string& h : o.headers) {
    const std::size_t colon = h.find(':');
    if (colon == std::string::npos || trim(std::string_view(h).substr(0, colon)).empty()) {
      std::cerr << "errcat parse: --header needs 'NAME: VALUE', not \"" << printable(h)
                << "\"\nRun 'errcat parse --help' for more information.\n";
      return exit_usage;
    }
    headers.push_back(
        {trim(std::string_view(h).substr(0, colon)), trim(std::string_view(h).substr(colon + 1))});
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
      std::cerr << "errcat: warning: the body is not complete JSON; the error was read from "
                   "what came before the damage\n";
    }
    return exit_ok;
  }
  if (text.empty() ||
      (whole_response && err.code().empty() && err.raw_body().empty() && err.message().empty())) {
    std::cerr << "errcat: the response has no body, so no error code to explain\n";
  } else if (!err.code().empty()) {
    report_unknown_code(err.code());
  } else if (!err.message().empty()) {
    std::cerr << "errcat: the body has no error code, and its message matches no documented "
                 "message\n";
  } else {
    std::cerr << "errcat: the body is not a JSON error (no \"error_code\" or \"error\" object)\n";
  }
  return exit_not_found;
}

}  // namespace errcat::cli
