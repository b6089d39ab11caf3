// The errcat::json component: reading error responses and writing error bodies with
// nlohmann_json, in the shapes Huawei Cloud IAM, Keystone and the API gateway use, and in
// the standard ones: RFC 9457 problem details and google.rpc.Status.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "errcat/catalog.hpp"
#include "errcat/error.hpp"
#include "errcat/retry.hpp"

namespace errcat {

/// One HTTP header as received: name and value (names compare case-insensitively).
struct http_header {
  std::string_view name;   ///< Header name, any case (`X-Request-Id`, `x-request-id`).
  std::string_view value;  ///< Header value; surrounding spaces and tabs are ignored.
};

/// How `parse_response` reads a response.
struct parse_options {
  /// Catalogs to look codes up in, in order. Empty: the bundled ones (`errcat::bundled_catalogs()`,
  /// <errcat/registry.hpp>): for a code, those that document it in any letter case, first
  /// the ones whose template under the status fits the message (`VPC.0101` is in VPC's and
  /// EIP's tables); for a body without a code, the ones outside `errcat::otc`, whose
  /// generic templates would fit messages those services never sent.
  std::span<const catalog* const> catalogs = {};
  /// The most bytes of a body that could not be read as an error that are kept as
  /// `error::raw_body()` (cut at a UTF-8 character boundary).
  std::size_t max_raw_body = 4096;
  /// The most bytes of an HTML page's visible text that become the message.
  std::size_t max_page_text = 512;
  /// When no status was received (0) and the body states none (Keystone's `error.code`),
  /// whether the error takes the status its entry is documented under (true, the usual
  /// reading of a bare body) or keeps 0, "unknown" (`scanner` does, for a log line that
  /// states no status). A salvaged body always keeps 0.
  bool assume_documented_status = true;
  /// The time of reading, in seconds since the Unix epoch, against which a `Retry-After`
  /// date is counted; 0: the system clock.
  std::int64_t now = 0;
};

/// Reads an error response: finds the code, message, request id and encoded authorization
/// message wherever the Huawei, Keystone, nested and API gateway shapes put them, looks the
/// code up (in any letter case, `find_key_any_case`) and recovers the parameter values from
/// the message, exactly or across wording drift (`match_tolerant`); a body without a code is
/// matched by its message (`match_message`). An RFC 9457 problem body is matched by its
/// `type` (or its `code` member) and a `google.rpc.Status` body by its `ErrorInfo` (domain
/// and reason), either else by status and message; their parameter values come from the
/// extension members or the `ErrorInfo` metadata, completed from the message. Members that
/// are `null` are absent. What the error says about the reading:
/// - `match()`: `exact`, `tolerant`, `salvaged` (the body is not valid JSON, and its
///   `"key": "value"` pairs were picked out) or `none`;
/// - `code_on_wire()`: the code as received; `request_ids()`: the body's `request_id` and
///   the `X-Request-Id`, `X-IAM-Trace-Id` and `X-Openstack-Request-Id` headers (any letter
///   case), each with its source, and `request_id()` picks one (see there);
/// - `retry()`: `advise_retry(err, headers, options.now)`.
/// A body that is not a JSON error object is kept in `raw_body()`, bounded; an HTML page's
/// visible text becomes the message (bounded by `max_page_text`). The error's status is
/// `status`; 0 ("unknown") takes the status a Keystone-shaped body carries, else the found
/// entry's documented one (see `parse_options::assume_documented_status`). O(n) in the body.
/// Never throws, whatever the input.
error parse_response(int status, std::string_view body, std::span<const http_header> headers = {},
                     const parse_options& options = {}) noexcept;

/// Reads a whole response as `curl -i` prints it: status line, headers, blank line, body,
/// with CRLF or LF line ends (interim `1xx` responses before it are skipped). Text that does
/// not start with a status line is read as a body with status 0. Never throws.
error parse_http_message(std::string_view raw, const parse_options& options = {}) noexcept;

/// The seconds a `Retry-After` header value asks to wait: delay-seconds (`120`), or an
/// HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`, and the obsolete RFC 850 and asctime forms)
/// counted from `now` (seconds since the Unix epoch), never below 0. Nullopt when the value
/// is neither. O(n) in the value, no allocation.
std::optional<std::int64_t> retry_after_seconds(std::string_view value, std::int64_t now) noexcept;

/// Whether a request that failed with `err` can succeed later, and when (see
/// `retry_advice`). The class is the documented entry's; for an unknown code, the status's
/// (`retry_class_for_status`), and `backoff` for a gateway's HTML error page (status 0 or
/// 5xx). The delay is `Retry-After` from `headers` (any letter case), else, for a throttled
/// entry whose message gave `threshold` and `period_seconds`, the pace they allow, rounded
/// up to whole seconds. `now` as for `retry_after_seconds`. Never throws.
retry_advice advise_retry(const error& err, std::span<const http_header> headers,
                          std::int64_t now) noexcept;

/// The shape of a serialised error body.
enum class body_style {
  /// `{"error_code": "IAM.0004", "error_msg": "...", "request_id": "..."}` (what IAM sends).
  huawei,
  /// `{"error": {"code": 404, "message": "...", "title": "Not Found"}}` (the OS-* APIs).
  keystone,
  /// Both in one object, for clients that read either.
  combined,
  /// RFC 9457 problem details (`application/problem+json`): `type` (`problem_type()`),
  /// `title` (the description), `status`, `detail` (the message), `instance` when given,
  /// and the extension members `code`, `request_id` and one per parameter value
  /// (`extension_member()`), integers as JSON numbers.
  problem,
  /// `google.rpc.Status` as Google's HTTP APIs send it: `{"error": {"code", "message",
  /// "status", "details": [ErrorInfo, RetryInfo?, Help?, RequestInfo?]}}`, with
  /// `error_reason()`, `error_domain()` and every parameter value under `metadata_key()`.
  google,
};

/// Every body style, in declaration order (for tests and command lines).
inline constexpr body_style body_styles[] = {body_style::huawei, body_style::keystone,
                                             body_style::combined, body_style::problem,
                                             body_style::google};

/// The style's name as the command line spells it: `huawei`, `keystone`, `combined`,
/// `problem`, `google`.
std::string_view name_of(body_style style) noexcept;

/// The style named `name` (as `name_of` spells it), or nullopt.
std::optional<body_style> body_style_named(std::string_view name) noexcept;

/// The `Content-Type` a response with a body of `style` carries:
/// `application/problem+json` for problem details, else `application/json;charset=utf-8`.
std::string_view content_type(body_style style) noexcept;

/// What a body may carry beyond the error itself.
struct body_options {
  /// RFC 9457 `instance`: a URI reference naming this occurrence (problem style only);
  /// omitted when empty.
  std::string_view instance;
  /// The retry advice to send (`errcat/retry.hpp`); unset: the error's own, `err.retry()`
  /// (what a response it was read from said, else nothing with a delay). The google style
  /// writes a `RetryInfo` whose `retryDelay` is `after_seconds` (a protobuf Duration,
  /// `"2s"`) when the class is not `never` and a delay is set; nothing otherwise.
  std::optional<retry_advice> retry;
};

/// The error as a JSON body of `style`. `request_id` and `encoded_authorization_message` are
/// included when set. Text that is not valid UTF-8 is replaced (U+FFFD) when dumped.
/// Throws std::bad_alloc only.
nlohmann::json to_json(const error& err, body_style style, const body_options& options = {});

/// The exact bytes a server sends as the body: compact JSON, always valid UTF-8.
std::string to_body(const error& err, body_style style = body_style::huawei,
                    const body_options& options = {});

/// The prefix of every default problem `type` URI: `tag:errcat.invalid,2026:`, a
/// non-resolvable RFC 4151 tag URI (authority `errcat.invalid`, date 2026), followed by the
/// service name and `/`. Used for a catalog whose `type_base` is empty.
inline constexpr std::string_view default_type_authority = "tag:errcat.invalid,2026:";

/// The catalog `e` belongs to (through its error category), or nullptr for an entry made
/// by hand without one. O(1).
const catalog* catalog_of(const entry& e) noexcept;

/// The problem `type` base of catalog `c`: its `type_base` when set (a prefix, used as it
/// is), else `default_type_authority` + service + `/` (`tag:errcat.invalid,2026:iam/`).
std::string type_base_of(const catalog& c);

/// The RFC 9457 `type` URI of `e`: its catalog's `type_base_of()`, the code
/// (percent-encoded where a URI needs it), `#` and the entry's name:
/// `tag:errcat.invalid,2026:iam/IAM.0004#resource_not_found`. One per entry, stable.
std::string problem_type(const entry& e);

/// The problem-details member name of `e`'s parameter number `param`: its own name when that
/// is a valid RFC 9457 extension name (a letter, then letters, digits or `_`, three
/// characters or more) and no standard or errcat member (`type`, `title`, `status`,
/// `detail`, `instance`, `code`, `request_id`, `encoded_authorization_message`) has it;
/// else `param_` + the name with other characters as `_` (`id` → `param_id`).
std::string extension_member(const entry& e, std::size_t param);

/// The AIP-193 `ErrorInfo.reason` of `e`: its name in UPPER_SNAKE_CASE
/// (`RESOURCE_NOT_FOUND`), unique in its catalog because names are.
std::string error_reason(const entry& e);

/// The `ErrorInfo.domain` of `c`: its `domain` when set, else its service name (`iam`).
std::string error_domain(const catalog& c);

/// The `ErrorInfo.metadata` key of a parameter: its snake_case name in lowerCamelCase
/// (`target_id` → `targetId`).
std::string metadata_key(std::string_view param_name);

/// `nlohmann::json j = err;`: the Huawei style.
void to_json(nlohmann::json& j, const error& err);

/// Reads an error back from any of the body styles (the entry is looked up in the bundled
/// catalogs); `err.get<errcat::error>()` round-trips `to_json`. Throws
/// `nlohmann::json::type_error` when `j` is not an object.
void from_json(const nlohmann::json& j, error& err);

}  // namespace errcat
