// Fuzzes the readers of bodies that are not JSON: salvaged "key": "value" pairs and HTML
// pages. Whatever the input: no crash, the raw body and the page text stay within their
// bounds and valid to print, a salvaged error names a documented entry, and headers with
// request ids are all kept with their sources.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <errcat/json.hpp>

#include "fuzz_support.hpp"

namespace {

using errcat_fuzz::check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  errcat_fuzz::reader in{data, size};
  const std::uint8_t first = in.byte();
  const std::string_view rest = in.rest();
  // The first byte picks the framing: as is, as an HTML page, or after text that makes it
  // not JSON (as documentation pages do).
  std::string body;
  switch (first % 3) {
    case 0:
      body.assign(rest);
      break;
    case 1:
      body = "<html><body>" + std::string(rest);
      break;
    default:
      body = "{ ...... " + std::string(rest);
      break;
  }
  errcat::parse_options options;
  options.max_raw_body = 64 + first;
  options.max_page_text = 16 + first;
  options.now = 1792567650;
  const std::array<errcat::http_header, 3> headers = {{
      {"X-Request-Id", rest.substr(0, 8)},
      {"retry-after", rest.substr(0, 32)},
      {"x-iam-trace-id", "t"},
  }};
  const errcat::error err =
      errcat::parse_response(first % 2 == 0 ? 0 : 503, body, headers, options);
  check(err.raw_body().size() <= options.max_raw_body, "the raw body is not bounded");
  if (first % 3 == 1)
    check(err.message().size() <= options.max_page_text, "the page text is not bounded");
  if (err.match() == errcat::match_kind::salvaged)
    check(err.known(), "a salvaged error without an entry");
  if (err.match() == errcat::match_kind::none) check(!err.known(), "an entry found with none");
  check(err.request_ids().size() >= 1, "the trace id header was lost");
  const errcat::retry_advice r = err.retry();
  check(r.advice != errcat::retry_class::never || !r.after_seconds, "a delay for never");
  if (r.after_seconds) check(*r.after_seconds >= 0, "a negative delay");
  (void)errcat::retry_after_seconds(rest, options.now);
  return 0;
}
