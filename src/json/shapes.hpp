// Body shapes as data: every shape errcat reads or writes is one definition in
// `shape_table`, listing its members: where each sits, what it holds and the JSON type it
// must have. Writing walks a definition's members; reading problem details and
// google.rpc.Status walks the same members (a member of the wrong type is ignored, as RFC
// 9457 requires). Adding a shape is one definition here and its tests.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "errcat/json.hpp"

namespace errcat::json_detail {

/// What a member of an error body holds.
enum class field : std::uint8_t {
  code,                           ///< The code as on the wire (a number is read as text).
  message,                        ///< The rendered message.
  request_id,                     ///< The request id.
  encoded_authorization_message,  ///< IAM's encoded authorization message.
  status,                         ///< The HTTP status, a JSON number.
  reason_phrase,                  ///< The status's reason phrase (Keystone's `title`).
  problem_type,                   ///< RFC 9457 `type`: `problem_type(entry)`.
  problem_title,                  ///< RFC 9457 `title`: the entry's description.
  instance,                       ///< RFC 9457 `instance`, given by the caller.
  parameters,                     ///< One member per parameter value, named by the shape.
  canonical_code,                 ///< `google.rpc.Code` name of the status.
  status_details,                 ///< `google.rpc.Status.details`: typed detail messages.
};

/// The JSON type a member must have; a member of another type is ignored on reading.
enum class json_type : std::uint8_t { string, number, string_or_number, array };

/// One member of a shape.
struct member {
  std::string_view object;  ///< Empty: at the top level; else the object it is in (`error`).
  std::string_view name;    ///< The member's name (empty for `field::parameters`).
  field holds;              ///< What it holds.
  json_type type;           ///< Its JSON type.
};

/// How a body's entry is identified when it is read through its definition.
enum class identity : std::uint8_t {
  code,        ///< The `code` member (parse.cpp's reader for the vendor shapes).
  type_uri,    ///< The problem `type` URI, else the `code` member.
  error_info,  ///< The `ErrorInfo` detail's domain and reason.
};

/// A body shape: its style, name, media type and members, in the order they are written.
/// `signature` names the members whose presence (with the right type) makes a body this
/// shape when it is read; the table's order is the order shapes are tried.
struct shape {
  body_style style;
  std::string_view name;
  std::string_view content_type;
  std::span<const member> members;
  std::span<const member> signature;
  identity identified_by;
  /// True when parse.cpp's streaming reader reads this shape (the vendor shapes, whose
  /// field precedence it implements); false when `read_document` does.
  bool streamed;
};

/// Every shape, the standard ones first (they are the ones tried by `read_document`).
std::span<const shape> shape_table() noexcept;

/// The definition of `style`.
const shape& shape_of(body_style style) noexcept;

/// Writes `err` as `s` describes.
nlohmann::json write_shape(const shape& s, const error& err, const body_options& options);

/// Reads `body` when it is one of the shapes not streamed (problem details,
/// google.rpc.Status); nullopt when it is none of them, so parse.cpp reads it. Throws only
/// std::bad_alloc.
std::optional<error> read_document(int status, std::string_view body,
                                   std::span<const http_header> headers,
                                   const parse_options& options);

}  // namespace errcat::json_detail
