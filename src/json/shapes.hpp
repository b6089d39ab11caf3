// Body shapes as data: every shape errcat reads or writes is one definition in
// `shape_table` (shapes.cpp), listing its members: where each sits, what it holds and the
// JSON type it must have. Writing walks a definition's members. Reading walks the same
// members: the streaming reader in parse.cpp (the vendor shapes) learns what each member
// name means, and which shape's member wins, from `streamed_member()`; the document reader
// (problem details, google.rpc.Status) from `read_document()`, ignoring a member of the
// wrong type as RFC 9457 requires. Adding a vendor shape is one definition (plus a
// `body_style` enumerator when errcat writes it) and its tests.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "errcat/json.hpp"

namespace errcat::detail {

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
  bool read_only = false;   ///< Read when received, never written (servers' variants).
};

/// Which reader reads a shape.
enum class reader : std::uint8_t {
  streamed,  ///< parse.cpp's streaming reader, through `streamed_member()`.
  document,  ///< `read_document`, through the members and the shape's `identity`.
  parts,     ///< Not read as a whole: its parts are other shapes (combined).
};

/// How a body's entry is identified when it is read through its definition.
enum class identity : std::uint8_t {
  code,        ///< The `code` member (parse.cpp's reader for the vendor shapes).
  type_uri,    ///< The problem `type` URI, else the `code` member.
  error_info,  ///< The `ErrorInfo` detail's domain and reason.
};

/// A body shape: its style (none for shapes errcat only reads), name, media type and
/// members, in the order they are written. `signature` names the members whose presence
/// (with the right type) makes a body this shape when read as a document. The table's order
/// is the order shapes are tried, and among the streamed shapes it is the precedence of
/// their fields: a field found in an earlier shape's member wins over the same field found
/// in a later one's.
struct shape {
  std::optional<body_style> style;
  std::string_view name;
  std::string_view content_type;
  std::span<const member> members;
  std::span<const member> signature;
  identity identified_by;
  reader read_by;
};

/// Every shape: the standard ones first (tried by `read_document`), then the vendor ones in
/// the precedence of their fields.
std::span<const shape> shape_table() noexcept;

/// The definition of `style`.
const shape& shape_of(body_style style) noexcept;

/// What the streaming reader does with a member of one JSON type: the field it fills and
/// the precedence of the shape that defines it (0: the member is not read).
struct streamed_slot {
  field holds = field::code;
  std::uint8_t precedence = 0;
};

/// The slots of a member name: as a string and as an integer.
struct streamed_key {
  streamed_slot as_string;
  streamed_slot as_number;
};

/// The slots of member `name` of the streamed shapes, at the top level (`in_error` false)
/// or in the top-level `error` object. Precedence is the streamed shapes' order in the
/// table, strongest first. O(members of the streamed shapes), no allocation.
streamed_key streamed_member(bool in_error, std::string_view name) noexcept;

/// Writes `err` as `s` describes.
nlohmann::json write_shape(const shape& s, const error& err, const body_options& options);

/// Reads `body` when it is one of the shapes not streamed (problem details,
/// google.rpc.Status); nullopt when it is none of them, so parse.cpp reads it. Throws only
/// std::bad_alloc.
std::optional<error> read_document(int status, std::string_view body,
                                   std::span<const http_header> headers,
                                   const parse_options& options);

}  // namespace errcat::detail
