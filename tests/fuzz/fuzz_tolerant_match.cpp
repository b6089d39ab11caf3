// Fuzzes tolerant matching. Arbitrary messages are matched tolerantly against every entry
// and by message alone: every value returned must be a parameter of the entry, in order, of
// the right kind, and a view of the message itself. Messages rendered from an entry with
// plain values and then drifted (whitespace, final period) must still find that entry.
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

constexpr const errcat::catalog* bundled[] = {&errcat::iam::catalog, &errcat::apigw::catalog};

void check_sound(const errcat::entry& e, std::string_view message,
                 const std::vector<errcat::argument>& args) {
  std::size_t next = 0;
  for (const errcat::argument& a : args) {
    const int i = e.param_index(a.name);
    check(i >= 0, "a value for a parameter the entry does not have");
    const auto p = static_cast<std::size_t>(i);
    check(p >= next, "values out of parameter order (or twice)");
    next = p + 1;
    check(a.kind == e.params[p].kind, "a value of the wrong kind");
    check(a.value.empty() || (a.value.data() >= message.data() &&
                              a.value.data() + a.value.size() <= message.data() + message.size()),
          "a value that is not a view of the message");
  }
}

void match_everything(int status, std::string_view message) {
  for (const errcat::catalog* c : bundled) {
    for (const errcat::entry& e : *c) {
      if (const auto args = errcat::match_tolerant(e, message)) check_sound(e, message, *args);
    }
  }
  const errcat::match_result r = errcat::match_message(bundled, status, message);
  if (r.entry != nullptr) {
    check(r.entry->status == status, "match_message named an entry of another status");
    check(r.kind != errcat::match_kind::none, "an entry found with kind none");
    check_sound(*r.entry, message, r.args);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  errcat_fuzz::reader in{data, size};
  const std::uint8_t first = in.byte();
  const std::uint8_t second = in.byte();
  const std::string_view rest = in.rest();
  const std::size_t total = errcat::iam::catalog.size() + errcat::apigw::catalog.size();
  const std::size_t index = second * 7u % total;
  const errcat::entry& e = index < errcat::iam::catalog.size()
                               ? errcat::iam::catalog[index]
                               : errcat::apigw::catalog[index - errcat::iam::catalog.size()];
  if ((first & 1u) == 0) {
    match_everything(e.status, rest);
    return 0;
  }
  // Plain values (letters and digits) cut from the input, the message rendered and drifted.
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    std::string v = e.params[i].kind == errcat::param_kind::integer ? "7" : "v";
    for (std::size_t k = i; k < rest.size() && v.size() < 12; k += e.params.size())
      v += static_cast<char>('a' + static_cast<unsigned char>(rest[k]) % 26);
    if (e.params[i].kind == errcat::param_kind::integer) v = std::to_string(v.size() * 37);
    texts.push_back(std::move(v));
  }
  std::vector<errcat::param_value> values(texts.begin(), texts.end());
  std::string message = errcat::render(e, values);
  if ((first & 2u) != 0 && !message.empty() && message.back() == '.') message.pop_back();
  if ((first & 4u) != 0) message += "  \n";
  if ((first & 8u) != 0) message.insert(0, " ");
  if (message.size() <= errcat::max_tolerant_message) {
    const auto args = errcat::match_tolerant(e, message);
    check(args.has_value(), "a drifted rendering does not match its entry tolerantly");
    check_sound(e, message, *args);
  }
  match_everything(e.status, message);
  return 0;
}
