#include "template_syntax.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <utility>

#include "catalog_source.hpp"
#include "errcat/limits.hpp"
#include "text.hpp"

// The placeholder syntaxes, as the documented tables write them. The first column is what
// errors list as supported; "reads as" is what the parser makes of it.
//
// | syntax            | reads as                                    | seen in                |
// |-------------------|---------------------------------------------|------------------------|
// | %s  %d            | positional text / integer, named by params  | IAM, many OTC tables   |
// | %(name)s %(name)d | named text / integer                        | IAM (Python %-style)   |
// | %%                | a literal %                                 | Python %-style         |
// | {}                | positional text, named by params            | OTC tables             |
// | {0} {1} ...       | positional text by index, named by params   | OTC ({0}: 167, {1}: 27)|
// | {name}            | named text, the name as written ({ID}, {id})| OTC ({name}, {id}, …)  |
// | {words with/spaces}| named text, snake_case name ({fault cause}  | OTC ({fault cause},    |
// |                   | → fault_cause, {GPU/NPU} → gpu_npu)         | {Error description})   |
// | ${name}           | named text                                  | OTC (${parameterName}) |
// | [input X]         | named text, snake_case of X                 | API Gateway            |
// | [condition X]     | named text, condition_ + snake_case of X    | API Gateway            |
//
// Text that only looks like a placeholder stays literal:
// | text              | why                                                             |
// |-------------------|-----------------------------------------------------------------|
// | xxx, XXX          | prose for "some value" in OTC messages; no delimiter marks it   |
// | % + non-letter, % at the end | a percent sign in prose (`90% full`, `$%^&*`)        |
// | {…} holding other characters (quotes, colons, commas) | JSON or prose, not a name |
// | $ not followed by {, [ not followed by input/condition | ordinary punctuation     |
//
// Rejected, because they are almost certainly mistakes: % + a letter other than s or d
// (a printf conversion errcat does not render), %(name) without s/d, an unterminated
// %( [input [condition or {, a brace holding only spaces or padded with them ({ y }),
// and automatic ({}, %s, %d) mixed with indexed ({0}) positional placeholders.

namespace errcat::gen {
namespace {

using text::is_identifier;
using text::is_identifier_start;
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// `s` quoted and cut to `max` bytes, for naming text in a message.
std::string quoted_snippet(std::string_view s, std::size_t max = 24) {
  return text::quoted(text::utf8_prefix(s, max)) + (s.size() <= max ? "" : "...");
}

// The parser's state: segments so far, and the first error.
class parser {
 public:
  parser(const std::vector<std::string>& names, parsed_template& out) : names_(names), t_(out) {}

  void literal(std::string_view s) { text_ += s; }

  void named(const std::string& name, param_kind kind, std::string_view spelling) {
    flush();
    for (std::size_t i = 0; i < t_.params.size(); ++i) {
      if (t_.params[i].name != name) continue;
      if (t_.params[i].kind != kind) {
        fail("parameter " + text::quoted(name) + " is used both as a string and as an integer");
      }
      t_.segments.push_back({std::string(spelling), static_cast<int>(i)});
      return;
    }
    t_.params.push_back({name, kind});
    t_.segments.push_back({std::string(spelling), static_cast<int>(t_.params.size() - 1)});
  }

  // `%s`, `%d`, `{}`: the next name of `params`.
  void automatic(param_kind kind, std::string_view spelling) {
    if (t_.indexed) return mixed();
    positional(t_.positional++, kind, spelling);
  }

  // `{0}`, `{1}`: the index-th name of `params`.
  void indexed(std::size_t index, std::string_view spelling) {
    if (t_.positional > 0 && !t_.indexed) return mixed();
    t_.indexed = true;
    t_.positional = std::max(t_.positional, index + 1);
    positional(index, param_kind::string, spelling);
  }

  void fail(std::string why) {
    if (!error_) error_ = std::move(why);
  }
  const std::optional<std::string>& error() const { return error_; }

  void flush() {
    if (!text_.empty()) t_.segments.push_back({std::move(text_), -1});
    text_.clear();
  }

 private:
  void positional(std::size_t index, param_kind kind, std::string_view spelling) {
    if (index < names_.size()) {
      named(names_[index], kind, spelling);
    } else {
      literal(spelling);  // the caller reports the count mismatch
    }
  }
  void mixed() {
    fail(
        "the message mixes automatic ({}, %s, %d) and indexed ({0}, {1}) positional "
        "placeholders");
  }

  const std::vector<std::string>& names_;
  parsed_template& t_;
  std::string text_;
  std::optional<std::string> error_;
};

// Each family reads the placeholder starting at `m[0]` (its lead character) and returns how
// many characters it consumed (0 after p.fail()).
using family = std::size_t (*)(parser& p, std::string_view m);

std::size_t percent_named(parser& p, std::string_view m) {
  const std::size_t close = m.find(')');
  if (close == std::string_view::npos) {
    p.fail("unterminated placeholder " + quoted_snippet(m) + " (missing \")\")");
    return 0;
  }
  const std::string_view spelling = m.substr(0, close + 2);
  if (!is_identifier(m.substr(2, close - 2))) {
    p.fail("placeholder " + quoted_snippet(spelling) +
           " has an invalid name (use letters, digits and \"_\")");
    return 0;
  }
  const char conversion = close + 1 < m.size() ? m[close + 1] : '\0';
  if (conversion != 's' && conversion != 'd') {
    p.fail("placeholder " + quoted_snippet(spelling) +
           " has an unknown conversion (only %(name)s and %(name)d are supported)");
    return 0;
  }
  p.named(std::string(m.substr(2, close - 2)),
          conversion == 'd' ? param_kind::integer : param_kind::string, spelling);
  return close + 2;
}

std::size_t percent(parser& p, std::string_view m) {
  const char n = m.size() > 1 ? m[1] : '\0';
  if (n == '%') {
    p.literal("%");
    return 2;
  }
  if (n == 's' || n == 'd') {
    p.automatic(n == 'd' ? param_kind::integer : param_kind::string, m.substr(0, 2));
    return 2;
  }
  if (n == '(') return percent_named(p, m);
  if (std::isalpha(static_cast<unsigned char>(n)) != 0) {
    p.fail("unknown placeholder " + quoted_snippet(m.substr(0, 2)) +
           " (supported: " + supported_syntaxes() + ")");
    return 0;
  }
  p.literal("%");  // a percent sign in prose
  return 1;
}

// `{words}`: letters and digits, single spaces, `/`, `-` and `_` between them.
bool is_brace_words(std::string_view s) {
  if (s.empty() || !is_alnum(s.front()) || !is_alnum(s.back())) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool separator = c == ' ' || c == '/' || c == '-';
    if (!is_alnum(c) && c != '_' && !separator) return false;
    if (separator && !is_alnum(s[i + 1]) && s[i + 1] != '_') return false;
  }
  return true;
}

bool is_index(std::string_view s) {
  return !s.empty() && s.size() <= 2 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t brace(parser& p, std::string_view m) {
  const std::size_t close = m.find('}');
  const std::string_view inside =
      close == std::string_view::npos ? std::string_view() : m.substr(1, close - 1);
  const std::string_view spelling = m.substr(0, close + 1);
  if (close == std::string_view::npos ||
      (!inside.empty() && inside.find_first_not_of(' ') == std::string_view::npos) ||
      (!inside.empty() && (inside.front() == ' ' || inside.back() == ' '))) {
    p.fail("unknown placeholder " + quoted_snippet(close == std::string_view::npos ? m : spelling) +
           " (supported: " + supported_syntaxes() + ")");
    return 0;
  }
  if (inside.empty()) {
    p.automatic(param_kind::string, spelling);
  } else if (is_index(inside)) {
    p.indexed(static_cast<std::size_t>(std::stoi(std::string(inside))), spelling);
  } else if (is_identifier(inside)) {
    p.named(std::string(inside), param_kind::string, spelling);
  } else if (is_brace_words(inside)) {
    p.named(bracket_param_name(inside), param_kind::string, spelling);
  } else {
    p.literal(spelling);  // JSON or prose in braces
  }
  return close + 1;
}

std::size_t dollar(parser& p, std::string_view m) {
  const std::size_t close = m.find('}');
  if (m.size() < 2 || m[1] != '{' || close == std::string_view::npos ||
      !is_identifier(m.substr(2, close - 2))) {
    p.literal("$");
    return 1;
  }
  p.named(std::string(m.substr(2, close - 2)), param_kind::string, m.substr(0, close + 1));
  return close + 1;
}

std::size_t bracket(parser& p, std::string_view m) {
  if (m.substr(1, 6) != "input " && m.substr(1, 10) != "condition ") {
    p.literal("[");
    return 1;
  }
  const std::size_t close = m.find(']');
  if (close == std::string_view::npos) {
    p.fail("unterminated placeholder " + quoted_snippet(m) + " (missing \"]\")");
    return 0;
  }
  const std::string name = bracket_param_name(m.substr(1, close - 1));
  if (name.empty() || !is_identifier_start(name[0])) {
    p.fail("placeholder " + quoted_snippet(m.substr(0, close + 1)) +
           " does not give a usable parameter name");
    return 0;
  }
  p.named(name, param_kind::string, m.substr(0, close + 1));
  return close + 1;
}

// The syntax table: lead character, the family that reads it, and the spellings it
// accepts (for "supported: ...").
struct syntax {
  char lead;
  family read;
  std::string_view spellings;
};

constexpr syntax syntaxes[] = {
    {'%', percent, "%s, %d, %(name)s, %(name)d, %%"},
    {'{', brace, "{}, {0}, {name}, {words}"},
    {'$', dollar, "${name}"},
    {'[', bracket, "[input X], [condition X]"},
};

const syntax* syntax_for(char c) {
  for (const syntax& s : syntaxes) {
    if (s.lead == c) return &s;
  }
  return nullptr;
}

}  // namespace

std::string supported_syntaxes() {
  std::string out;
  for (const syntax& s : syntaxes)
    out += (out.empty() ? "" : ", ") + std::string(s.spellings);
  return out;
}

std::string bracket_param_name(std::string_view inside) {
  if (inside.substr(0, 6) == "input ") inside.remove_prefix(6);
  std::string out;
  char prev = ' ';
  for (char c : inside) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (is_alnum(c)) {
      if (upper && prev >= 'a' && prev <= 'z') out += '_';  // camelCase boundary
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
    prev = c;
  }
  while (!out.empty() && out.back() == '_')
    out.pop_back();
  return out;
}

std::optional<std::string> parse_template(std::string_view m,
                                          const std::vector<std::string>& positional_names,
                                          parsed_template& t) {
  t = {};
  parser p(positional_names, t);
  std::size_t i = 0;
  while (i < m.size() && !p.error()) {
    const std::size_t plain = m.find_first_of("%{$[", i);
    p.literal(m.substr(i, plain - i));
    if (plain == std::string_view::npos) break;
    i = plain + syntax_for(m[plain])->read(p, m.substr(plain));
  }
  if (p.error()) return p.error();
  p.flush();
  if (t.params.size() > errcat::max_params) {
    return "the message has " + std::to_string(t.params.size()) + " parameters; at most " +
           std::to_string(errcat::max_params) + " are supported";
  }
  return std::nullopt;
}

}  // namespace errcat::gen
