// Fake-server scripts: checking steps against the bundled catalogs, and reading them from
// JSON, with errors that name the file, the step and the reason.
#include <errcat/make.hpp>
#include <errcat/registry.hpp>
#include <errcat/testing/fake_server.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "script.hpp"

namespace errcat::testing {

namespace {

std::string describe_script(const std::string& file, const std::size_t* index,
                            const std::string& reason) {
  std::string out;
  if (!file.empty()) out = file + ": ";
  if (index != nullptr) out += "step " + std::to_string(*index) + ": ";
  return out + reason;
}

// A header name is an RFC 9110 token; a value holds no line break (it would end the header).
bool is_token(std::string_view s) noexcept {
  constexpr std::string_view specials = "!#$%&'*+-.^_`|~";
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    specials.find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

void check_headers(const std::vector<header>& headers, const std::string& file, std::size_t i) {
  for (const header& h : headers) {
    if (!is_token(h.name)) {
      throw script_error(file, i, "header name \"" + h.name + "\" is not a token");
    }
    if (h.value.find_first_of("\r\n") != std::string::npos) {
      throw script_error(file, i, "header " + h.name + " has a line break in its value");
    }
  }
}

}  // namespace

script_error::script_error(std::string file, std::size_t index, std::string reason)
    : std::invalid_argument(describe_script(file, &index, reason)),
      file_(std::move(file)),
      index_(index),
      has_index_(true),
      reason_(std::move(reason)) {}

script_error::script_error(std::string file, std::string reason)
    : std::invalid_argument(describe_script(file, nullptr, reason)),
      file_(std::move(file)),
      reason_(std::move(reason)) {}

namespace detail {

const entry* entry_for(std::string_view code, int status) noexcept {
  // Any bundled catalog, in the registry's order (IAM first); a code documented under
  // several statuses takes the scripted status when it names one of them.
  if (status != 0) {
    if (const bundled_match m = find_bundled(status, code).front(); m.entry != nullptr) {
      return m.entry;
    }
  }
  return find_bundled(code).front().entry;
}

error make_step_error(const step& s, const std::string& file, std::size_t i) {
  const entry* e = entry_for(s.code, s.status);
  if (e == nullptr) throw script_error(file, i, "unknown code \"" + s.code + "\"");
  std::vector<named_arg> args;
  std::vector<std::int64_t> numbers(s.values.size());
  for (std::size_t k = 0; k < s.values.size(); ++k) {
    const step_value& v = s.values[k];
    const int index = e->param_index(v.name);
    if (index < 0) {
      std::string known;
      for (const param& p : e->params)
        known += (known.empty() ? "" : ", ") + std::string(p.name);
      throw script_error(file, i,
                         s.code + " has no parameter \"" + v.name + "\" (its parameters: " +
                             (known.empty() ? std::string("none") : known) + ")");
    }
    const param& p = e->params[static_cast<std::size_t>(index)];
    if (p.kind == param_kind::integer) {
      const char* end = v.value.data() + v.value.size();
      const auto [ptr, ec] = std::from_chars(v.value.data(), end, numbers[k]);
      if (ec != std::errc() || ptr != end || v.value.empty()) {
        throw script_error(file, i,
                           "parameter \"" + v.name + "\" of " + s.code + " is an integer, not \"" +
                               v.value + "\"");
      }
      args.push_back({p.name, numbers[k]});
    } else {
      args.push_back({p.name, std::string_view(v.value)});
    }
  }
  try {
    error err = make(*e, args);
    if (s.status != 0) err.set_status(s.status);
    return err;
  } catch (const std::invalid_argument& ex) {  // a name given twice
    throw script_error(file, i, ex.what());
  }
}

}  // namespace detail

void validate_script(const std::vector<step>& script, const std::string& file) {
  if (script.empty()) throw script_error(file, "the script has no steps");
  for (std::size_t i = 0; i < script.size(); ++i) {
    const step& s = script[i];
    if (s.status != 0 && (s.status < 100 || s.status > 599)) {
      throw script_error(file, i, "status " + std::to_string(s.status) + " is not 100-599");
    }
    if (s.delay.count() < 0) throw script_error(file, i, "delay is negative");
    check_headers(s.headers, file, i);
    if (s.what == step::kind::plain) {
      if (s.status == 0) throw script_error(file, i, "a plain step needs a status");
      if (s.content_type.find_first_of("\r\n") != std::string::npos) {
        throw script_error(file, i, "content type has a line break");
      }
    } else {
      if (s.code.empty()) throw script_error(file, i, "an error step needs a code");
      if (s.request_id.find_first_of("\r\n") != std::string::npos) {
        throw script_error(file, i, "request id has a line break");
      }
      (void)detail::make_step_error(s, file, i);
    }
  }
}

namespace {

// ordered_json: values and headers keep the order the script gives them.
using json = nlohmann::ordered_json;

std::string text_member(const json& j, const char* name, const std::string& file, std::size_t i) {
  const json& v = j.at(name);
  if (!v.is_string()) throw script_error(file, i, std::string(name) + " must be a string");
  return v.get<std::string>();
}

std::int64_t integer_member(const json& j, const char* name, const std::string& file,
                            std::size_t i) {
  const json& v = j.at(name);
  if (!v.is_number_integer()) {
    throw script_error(file, i, std::string(name) + " must be an integer");
  }
  return v.get<std::int64_t>();
}

// An object of NAME: "VALUE" (numbers are taken as their decimal text for values).
std::vector<std::pair<std::string, std::string>> pairs_member(const json& j, const char* name,
                                                              const std::string& file,
                                                              std::size_t i, bool numbers) {
  const json& v = j.at(name);
  if (!v.is_object()) throw script_error(file, i, std::string(name) + " must be an object");
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : v.items()) {
    if (value.is_string()) {
      out.emplace_back(key, value.get<std::string>());
    } else if (numbers && value.is_number_integer()) {
      out.emplace_back(key, value.dump());
    } else {
      throw script_error(file, i, std::string(name) + "." + key + " must be a string");
    }
  }
  return out;
}

// Refuses a member no step has, and a member that belongs to the other kind of step.
void check_members(const json& j, const std::string& file, std::size_t i) {
  static constexpr std::array<std::string_view, 10> known{
      "code",         "values", "status",  "style",    "request_id",
      "content_type", "body",   "headers", "delay_ms", "comment"};
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      throw script_error(file, i, "unknown member \"" + key + "\"");
    }
  }
  if (j.contains("code") && (j.contains("body") || j.contains("content_type"))) {
    throw script_error(file, i, "an error step has no body or content_type (its body is made)");
  }
  if (!j.contains("code") &&
      (j.contains("values") || j.contains("style") || j.contains("request_id"))) {
    throw script_error(file, i,
                       "a step without a code is plain: values, style and request_id "
                       "belong to error steps");
  }
}

body_style style_member(const json& j, const std::string& file, std::size_t i) {
  const std::string name = text_member(j, "style", file, i);
  const auto style = body_style_named(name);
  if (!style) {
    std::string known;
    for (const body_style b : body_styles)
      known += std::string(known.empty() ? "" : ", ") + std::string(name_of(b));
    throw script_error(file, i, "unknown style \"" + name + "\" (" + known + ")");
  }
  return *style;
}

step read_step(const json& j, const std::string& file, std::size_t i) {
  if (!j.is_object()) throw script_error(file, i, "a step must be an object");
  check_members(j, file, i);
  step s;
  s.what = j.contains("code") ? step::kind::error : step::kind::plain;
  if (j.contains("code")) s.code = text_member(j, "code", file, i);
  if (j.contains("values")) {
    for (auto& [name, value] : pairs_member(j, "values", file, i, true))
      s.values.push_back({name, value});
  }
  if (j.contains("status")) {
    const std::int64_t status = integer_member(j, "status", file, i);
    if (status < 100 || status > 599) {
      throw script_error(file, i, "status " + std::to_string(status) + " is not 100-599");
    }
    s.status = static_cast<int>(status);
  }
  if (j.contains("style")) s.style = style_member(j, file, i);
  if (j.contains("request_id")) s.request_id = text_member(j, "request_id", file, i);
  if (j.contains("content_type")) s.content_type = text_member(j, "content_type", file, i);
  if (j.contains("body")) s.body = text_member(j, "body", file, i);
  if (j.contains("headers")) {
    for (auto& [name, value] : pairs_member(j, "headers", file, i, false))
      s.headers.push_back({name, value});
  }
  if (j.contains("delay_ms")) {
    const std::int64_t ms = integer_member(j, "delay_ms", file, i);
    if (ms < 0 || ms > 600000) throw script_error(file, i, "delay_ms must be 0-600000");
    s.delay = std::chrono::milliseconds(ms);
  }
  return s;
}

}  // namespace

std::vector<step> parse_script(std::string_view json_text, const std::string& file) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded()) throw script_error(file, "not valid JSON");
  if (j.is_object()) {
    if (!j.contains("steps") || j.size() != 1) {
      throw script_error(file, "expected an array of steps or an object with only \"steps\"");
    }
    j = j["steps"];
  }
  if (!j.is_array()) throw script_error(file, "expected an array of steps");
  std::vector<step> script;
  script.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i)
    script.push_back(read_step(j[i], file, i));
  validate_script(script, file);
  return script;
}

std::vector<step> load_script(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw script_error(path, "cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw script_error(path, "cannot be read");
  return parse_script(text.str(), path);
}

}  // namespace errcat::testing
