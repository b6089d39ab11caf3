// Fuzzes rendering: an arbitrary entry of either bundled catalog, filled with arbitrary
// argument bytes (text, integers or no value). The output must equal the template with the
// values spliced in, computed independently from the segments, so a value that looks like
// a placeholder is never expanded again; make() must produce the same message.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/render.hpp>

#include "fuzz_support.hpp"

namespace {

using errcat_fuzz::check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  errcat_fuzz::reader in{data, size};
  const std::size_t total = errcat::iam::catalog.size() + errcat::apigw::catalog.size();
  const std::size_t index = (std::size_t{in.byte()} << 8 | in.byte()) % total;
  const errcat::entry& e = index < errcat::iam::catalog.size()
                               ? errcat::iam::catalog[index]
                               : errcat::apigw::catalog[index - errcat::iam::catalog.size()];

  // One value per parameter, plus one extra that rendering must ignore.
  std::vector<errcat::param_value> args;
  for (std::size_t i = 0; i <= e.params.size(); ++i) {
    const std::uint8_t control = in.byte();
    switch (control & 3u) {
      case 0:
        args.emplace_back();
        break;
      case 1:
        args.emplace_back(static_cast<std::int64_t>(in.u64()));
        break;
      case 2:
        args.emplace_back(in.u64());
        break;
      default: {
        // Text: the length comes from the control byte, or everything left.
        const std::size_t want = (control >> 2) == 63 ? in.n : (control >> 2);
        args.emplace_back(in.text(want));
        break;
      }
    }
  }

  std::string expected;
  for (const errcat::segment& s : e.segments) {
    if (s.is_literal()) {
      expected += s.text;
      continue;
    }
    const errcat::param_value& a = args[static_cast<std::size_t>(s.param_index)];
    switch (a.kind()) {
      case errcat::param_value::value_kind::none:
        expected += s.text;
        break;
      case errcat::param_value::value_kind::signed_integer:
        expected += std::to_string(a.signed_value());
        break;
      case errcat::param_value::value_kind::unsigned_integer:
        expected += std::to_string(a.unsigned_value());
        break;
      case errcat::param_value::value_kind::string:
        expected += a.text();
        break;
    }
  }

  const std::string rendered = errcat::render(e, args);
  check(rendered == expected, "render differs from the independent splice");
  check(errcat::rendered_size(e, args) == expected.size(), "rendered_size is wrong");

  std::string buffer = "prefix:";
  errcat::render_append(buffer, e, args);
  check(buffer == "prefix:" + expected, "render_append differs");

  // Fewer values than parameters: the rest keep their placeholders as documented.
  const std::span<const errcat::param_value> few(args.data(), e.params.size() / 2);
  std::string partial;
  for (const errcat::segment& s : e.segments) {
    const auto p = static_cast<std::size_t>(s.param_index);
    if (!s.is_literal() && p < few.size() && few[p].has_value()) {
      partial += few[p].is_integer()
                     ? (few[p].kind() == errcat::param_value::value_kind::signed_integer
                            ? std::to_string(few[p].signed_value())
                            : std::to_string(few[p].unsigned_value()))
                     : std::string(few[p].text());
    } else {
      partial += s.text;
    }
  }
  check(errcat::render(e, few) == partial, "rendering with missing values differs");

  // make() by name gives the same message, unless it must reject text for an integer.
  std::vector<errcat::named_arg> named;
  bool text_for_integer = false;
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    if (!args[i].has_value()) continue;
    named.push_back({e.params[i].name, args[i]});
    if (e.params[i].kind == errcat::param_kind::integer && !args[i].is_integer())
      text_for_integer = true;
  }
  try {
    const errcat::error err = errcat::make(e, named);
    check(!text_for_integer, "make accepted text for an integer parameter");
    check(err.message() == expected, "make's message differs from the splice");
    check(err.entry() == &e, "make lost the entry");
    check(err.error_code() == e.error_code(), "make's error_code differs");
    check(err.args().size() == named.size(), "make kept a different number of values");
  } catch (const errcat::usage_error& u) {
    check(text_for_integer, "make threw for valid values");
    check(std::strstr(u.what(), "is an integer") != nullptr, "usage_error without the reason");
  }
  return 0;
}
