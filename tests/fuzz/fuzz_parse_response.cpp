// Fuzzes parse_response and parse_http_message with an arbitrary status, headers and body.
// Neither may throw or crash; the error must keep the status it was given, bound the raw
// body it keeps, and serialise back to valid JSON that reads back to the same code.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <errcat/apigw.hpp>
#include <errcat/iam.hpp>
#include <errcat/json.hpp>
#include <errcat/registry.hpp>

#include "fuzz_support.hpp"

namespace {

using errcat_fuzz::check;

bool known_to_bundled(const errcat::entry* e) {
  for (const errcat::catalog* c : {&errcat::iam::catalog, &errcat::apigw::catalog}) {
    if (e >= c->entries.data() && e < c->entries.data() + c->entries.size()) return true;
  }
  return false;
}

// True when the error's code, as a reader would look it up, documents its entry.
bool names_its_entry(const errcat::error& err) {
  for (const errcat::bundled_match m : errcat::find_bundled(err.status(), err.code())) {
    if (m.entry == err.entry()) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  errcat_fuzz::reader in{data, size};
  // Statuses: the full int range, with the usual ones (and 0, negatives) easy to reach.
  const std::uint8_t s0 = in.byte();
  int status = 0;
  if (s0 < 0x80) {
    status = 400 + s0;
  } else {
    std::uint32_t u = 0;
    for (int i = 0; i < 4; ++i)
      u = u << 8 | in.byte();
    status = static_cast<int>(u);
  }
  const std::uint8_t h = in.byte();
  const std::size_t max_raw = h & 0x80 ? std::size_t{in.byte()} : std::size_t{4096};
  std::vector<errcat::http_header> headers;
  for (std::size_t i = 0; i < (h & 7u); ++i) {
    const std::string_view name = in.text(in.byte() & 31u);
    const std::string_view value = in.text(in.byte() & 63u);
    headers.push_back({name, value});
  }
  const std::string_view body = in.rest();

  errcat::parse_options options;
  options.max_raw_body = max_raw;
  const errcat::error err = errcat::parse_response(status, body, headers, options);
  // Status 0 means "unknown" (parse_http_message without a status line): then the status a
  // Keystone body carries is used. Any other status is kept exactly.
  if (status != 0) {
    check(err.status() == status, "parse_response lost the status");
  } else {
    check(err.status() == 0 || (err.status() >= 100 && err.status() <= 999),
          "parse_response invented a status");
  }
  check(err.raw_body().size() <= max_raw, "raw_body is longer than max_raw_body");
  check(!err.known() || known_to_bundled(err.entry()), "an entry outside the catalogs");
  if (err.known()) {
    check(err.description() == err.entry()->description, "description is not the entry's");
    check(err.error_code() == err.entry()->error_code(), "error_code is not the entry's");
  }

  // What comes out must always serialise to valid JSON, in every style.
  for (const errcat::body_style style : errcat::body_styles) {
    const std::string out = errcat::to_body(err, style);
    check(nlohmann::json::accept(out), "to_body produced invalid JSON");
  }
  // A known error whose code names its entry, sent on again, reads back as the same error.
  // (An entry found by its message keeps whatever code the body carried, which may name
  // nothing; sent on in the Huawei style, that code is all a reader has.)
  if (err.known() && names_its_entry(err)) {
    const errcat::error again = errcat::parse_response(err.status(), errcat::to_body(err));
    check(again.entry() == err.entry(), "a known error did not read back as its entry");
    check(again.code() == err.code(), "a known error did not read back with its code");
  }

  const errcat::error whole = errcat::parse_http_message(body, options);
  check(whole.raw_body().size() <= max_raw, "parse_http_message: raw_body too long");
  check(!whole.known() || known_to_bundled(whole.entry()),
        "parse_http_message: an entry outside the catalogs");
  return 0;
}
