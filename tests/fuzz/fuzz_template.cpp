// Fuzzes the generator's template parser with arbitrary template strings (and a few
// positional names). It must either report an error or split the template into segments
// that reproduce it exactly; an accepted template is then rendered through the core's
// renderer and compared with an independent splice of the values.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <errcat/entry.hpp>
#include <errcat/make.hpp>
#include <errcat/render.hpp>

#include "catalog_source.hpp"
#include "fuzz_support.hpp"

namespace {

using errcat_fuzz::check;

// Positional names come from a small pool, so they sometimes collide with named
// placeholders (`%(key)s` and a positional `key`), which must be one parameter.
constexpr std::string_view pool[] = {"key", "target", "a", "b_2", "length", "value", "x", "key"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  errcat_fuzz::reader in{data, size};
  std::vector<std::string> names;
  if (in.n > 0) {
    const std::size_t n = in.byte() & 7u;
    for (std::size_t i = 0; i < n && in.n > 0; ++i)
      names.emplace_back(pool[in.byte() & 7u]);
  }
  const std::string_view message = in.rest();

  errcat::gen::parsed_template t;
  if (const auto err = errcat::gen::parse_template(message, names, t)) {
    check(!err->empty(), "rejected with an empty message");
    return 0;
  }

  check(t.params.size() <= errcat::max_params, "accepted too many parameters");
  bool previous_literal = false;
  for (const errcat::gen::template_segment& s : t.segments) {
    check(!s.text.empty(), "an empty segment");
    check(s.param_index >= -1 && s.param_index < static_cast<int>(t.params.size()),
          "a segment refers to a parameter that does not exist");
    check(!(previous_literal && s.param_index < 0), "two literal segments in a row");
    previous_literal = s.param_index < 0;
  }
  for (const errcat::gen::template_param& p : t.params)
    check(!p.name.empty(), "a parameter without a name");

  // With a name for every positional placeholder, the segments (placeholders as spelled) are the
  // template, byte for byte, but for the count of '%' signs: a literal '%' is written "%%"
  // where a placeholder could start and alone elsewhere (`50% off`), a rule the parser
  // owns, so the comparison leaves '%' out and checks every other byte.
  if (t.positional <= names.size()) {
    auto without_percent = [](std::string_view text) {
      std::string out;
      for (char c : text) {
        if (c != '%') out += c;
      }
      return out;
    };
    std::string rebuilt;
    for (const errcat::gen::template_segment& s : t.segments)
      rebuilt += s.text;
    check(without_percent(rebuilt) == without_percent(message),
          "the segments do not reproduce the template");
  }

  // Render through the core with values that look like placeholders themselves: each must
  // be inserted once, verbatim, and never expanded again.
  std::vector<errcat::param> params;
  for (const auto& p : t.params)
    params.push_back({p.name, p.kind});
  std::vector<errcat::segment> segments;
  for (const auto& s : t.segments)
    segments.push_back({s.text, static_cast<std::int16_t>(s.param_index)});
  errcat::entry e;
  e.message = message;
  e.params = params;
  e.segments = segments;
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < params.size(); ++i)
    texts.push_back("%(" + std::string(params[i].name) + ")s{}[input " + std::to_string(i) + "]");
  std::vector<errcat::param_value> args;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i % 3 == 2) {
      args.emplace_back();  // no value: the placeholder stays as documented
    } else if (params[i].kind == errcat::param_kind::integer) {
      args.emplace_back(-static_cast<std::int64_t>(i) * 1000003);
    } else {
      args.emplace_back(texts[i]);
    }
  }
  std::string expected;
  for (const errcat::segment& s : segments) {
    const auto p = static_cast<std::size_t>(s.param_index);
    if (s.is_literal() || !args[p].has_value()) {
      expected += s.text;
    } else if (args[p].is_integer()) {
      expected += std::to_string(args[p].signed_value());
    } else {
      expected += args[p].text();
    }
  }
  check(errcat::rendered_size(e, args) == expected.size(), "rendered_size is wrong");
  check(errcat::render(e, args) == expected, "rendering differs from the splice");
  return 0;
}
