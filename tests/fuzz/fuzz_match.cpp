// Fuzzes reverse matching. Arbitrary messages are matched against every entry of both
// catalogs: whatever values come back must render the entry's template into exactly that
// message. Messages rendered from an entry with arbitrary values must match that entry.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/match.hpp>
#include <errcat/render.hpp>

#include "fuzz_support.hpp"

namespace {

using errcat_fuzz::check;

// Values found by match() must be the entry's parameters, in its order, and must turn its
// template back into `message`.
void check_sound(const errcat::entry& e, std::string_view message,
                 const std::vector<errcat::argument>& args) {
  std::vector<errcat::param_value> values(e.params.size());
  std::size_t next = 0;
  for (const errcat::argument& a : args) {
    const int i = e.param_index(a.name);
    check(i >= 0, "match returned a value for a parameter the entry does not have");
    const auto p = static_cast<std::size_t>(i);
    check(p >= next, "match returned values out of parameter order (or twice)");
    next = p + 1;
    check(a.kind == e.params[p].kind, "match returned a value of the wrong kind");
    values[p] = errcat::param_value(std::string_view(a.value));
  }
  check(errcat::render(e, values) == message, "matched values do not render back to the message");
}

void match_everything(std::string_view message) {
  for (const errcat::catalog* c : {&errcat::iam::catalog, &errcat::apigw::catalog}) {
    for (const errcat::entry& e : *c) {
      if (const auto args = errcat::match(e, message)) check_sound(e, message, *args);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  errcat_fuzz::reader in{data, size};
  const std::uint8_t first = in.byte();
  const std::string_view rest = in.rest();
  if ((first & 1u) == 0) {
    match_everything(rest);
    return 0;
  }
  // Render an entry with values cut from the input (separated by 0xff), then match it.
  const std::size_t total = errcat::iam::catalog.size() + errcat::apigw::catalog.size();
  const std::size_t index = (first >> 1) * 7u % total;
  const errcat::catalog& c =
      index < errcat::iam::catalog.size() ? errcat::iam::catalog : errcat::apigw::catalog;
  const errcat::entry& e =
      index < errcat::iam::catalog.size() ? c[index] : c[index - errcat::iam::catalog.size()];
  std::vector<std::string> texts;
  std::string_view left = rest;
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    const std::size_t cut = left.find('\xff');
    std::string value(left.substr(0, cut));
    left = cut == std::string_view::npos ? std::string_view() : left.substr(cut + 1);
    if (e.params[i].kind == errcat::param_kind::integer) {
      // An integer parameter gets the decimal form of some bytes.
      long long v = 0;
      for (char ch : value)
        v = v * 31 + static_cast<unsigned char>(ch);
      value = std::to_string((value.size() & 1) != 0 ? -(v % 1000000007) : v % 1000000007);
    }
    texts.push_back(std::move(value));
  }
  std::vector<errcat::param_value> values(texts.begin(), texts.end());
  const std::string message = errcat::render(e, values);
  const auto args = errcat::match(e, message);
  check(args.has_value(), "a message rendered from an entry does not match it");
  check_sound(e, message, *args);

  const errcat::match_result r = errcat::match(c, e.status, e.code, message);
  check(r.entry != nullptr, "catalog match lost a known code");
  if (!r.args.empty()) check_sound(*r.entry, message, r.args);
  match_everything(message);
  return 0;
}
